package io.watershed.graph.lineage;

import io.watershed.graph.lineage.LineageGraph.GraphEdge;
import io.watershed.graph.lineage.LineageGraph.GraphNode;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/**
 * Bounded lineage walks. A breadth-first search runs one query per level for the whole frontier, so cost grows
 * with the nodes reached, never with the number of paths (a variable-length Cypher pattern enumerates paths, which
 * explodes on diamond-shaped pipelines).
 */
@Singleton
public class LineageTraversal {

  /** Hard ceiling for any request, whatever it asks for. */
  public static final int MAX_DEPTH = 50;

  public static final int MAX_NODES = 10_000;

  /** Safety cap on the edges one level may return; reaching it counts as being cut by the node limit. */
  static final int MAX_EDGES_PER_LEVEL = 100_000;

  private final Neo4jConnection connection;

  public LineageTraversal(Neo4jConnection connection) {
    this.connection = connection;
  }

  /** Dataset/job lineage of {@code start}, {@code depth} edges away at most, {@code nodeLimit} nodes at most. */
  public LineageGraph lineage(NodeId start, Direction direction, int depth, int nodeLimit) {
    if (start.type() == NodeId.NodeType.DATASET_FIELD) {
      return columnLineage(start, direction, depth, nodeLimit);
    }
    checkBounds(depth, nodeLimit);
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return session.executeRead(
          tx -> {
            String query = start.type() == NodeId.NodeType.JOB ? LineageCypher.FIND_JOB : LineageCypher.FIND_DATASET;
            String id = findOne(tx.run(query, Map.of("namespace", start.namespace(), "name", start.name())).list(), start);
            Walk walk = new Walk(nodeLimit);
            walk.visit(id, start);
            walkFrom(tx, walk, id, direction, depth, LineageCypher.DOWNSTREAM, LineageCypher.UPSTREAM);
            return walk.toGraph(tx, depth);
          });
    }
  }

  /**
   * Column lineage from a field ({@code datasetField:...}) or from every field of a dataset ({@code dataset:...}).
   */
  public LineageGraph columnLineage(NodeId start, Direction direction, int depth, int nodeLimit) {
    checkBounds(depth, nodeLimit);
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return session.executeRead(
          tx -> {
            Walk walk = new Walk(nodeLimit);
            List<String> roots = new ArrayList<>();
            if (start.type() == NodeId.NodeType.DATASET_FIELD) {
              String id =
                  findOne(
                      tx.run(
                              LineageCypher.FIND_FIELD,
                              Map.of("namespace", start.namespace(), "name", start.name(), "field", start.field()))
                          .list(),
                      start);
              roots.add(id);
              walk.visit(id, start);
            } else if (start.type() == NodeId.NodeType.DATASET) {
              findOne(
                  tx.run(LineageCypher.FIND_DATASET, Map.of("namespace", start.namespace(), "name", start.name()))
                      .list(),
                  start);
              for (Record r :
                  tx.run(
                          LineageCypher.FIELDS_OF_DATASET,
                          Map.of("namespace", start.namespace(), "name", start.name()))
                      .list()) {
                String id = r.get("id").asString();
                if (walk.visit(id, NodeId.field(start.namespace(), start.name(), r.get("field").asString()))) {
                  roots.add(id);
                }
              }
            } else {
              throw new InvalidNodeIdException("column lineage starts at a dataset or a datasetField, not a job");
            }
            for (String root : roots) {
              walkFrom(tx, walk, root, direction, depth, LineageCypher.FIELDS_DOWNSTREAM, LineageCypher.FIELDS_UPSTREAM);
            }
            return walk.toGraph(tx, depth);
          });
    }
  }

  private static void checkBounds(int depth, int nodeLimit) {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH);
    }
    if (nodeLimit < 1 || nodeLimit > MAX_NODES) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_NODES);
    }
  }

  private static String findOne(List<Record> records, NodeId start) {
    if (records.isEmpty()) {
      throw new NodeNotFoundException(start.type().prefix(), start.toString());
    }
    return records.get(0).get("id").asString();
  }

  private static void walkFrom(
      org.neo4j.driver.TransactionContext tx,
      Walk walk,
      String root,
      Direction direction,
      int depth,
      String downstream,
      String upstream) {
    if (direction != Direction.UPSTREAM) {
      walk.bfs(tx, root, depth, downstream, true);
    }
    if (direction != Direction.DOWNSTREAM) {
      walk.bfs(tx, root, depth, upstream, false);
    }
  }

  /** State of one walk: nodes seen, edges seen, and whether a limit cut it. */
  private static final class Walk {
    final int nodeLimit;
    final Map<String, NodeId> nodes = new LinkedHashMap<>();
    final Set<GraphEdge> edges = new LinkedHashSet<>();
    boolean cutByLimit;
    boolean cutByDepth;

    Walk(int nodeLimit) {
      this.nodeLimit = nodeLimit;
    }

    boolean visit(String elementId, NodeId id) {
      if (nodes.containsKey(elementId)) {
        return false;
      }
      if (nodes.size() >= nodeLimit) {
        cutByLimit = true;
        return false;
      }
      nodes.put(elementId, id);
      return true;
    }

    void bfs(org.neo4j.driver.TransactionContext tx, String root, int depth, String query, boolean downstream) {
      List<String> frontier = List.of(root);
      for (int level = 0; level <= depth && !frontier.isEmpty(); level++) {
        int max = MAX_EDGES_PER_LEVEL;
        List<Record> rows = tx.run(query, Map.of("ids", frontier, "max", max)).list();
        if (level == depth) {
          // We only looked to learn whether there is more beyond the requested depth.
          cutByDepth |= rows.stream().anyMatch(r -> !nodes.containsKey(r.get("to").asString()));
          return;
        }
        List<String> next = new ArrayList<>();
        for (Record r : rows) {
          String from = r.get("from").asString();
          String to = r.get("to").asString();
          NodeId toId = nodeIdOf(r);
          boolean known = nodes.containsKey(to);
          if (!known && !visit(to, toId)) {
            continue;
          }
          if (!known) {
            next.add(to);
          }
          String fromText = nodes.get(from).toString();
          String toText = toId.toString();
          String rel = r.get("rel").asString();
          if (downstream || rel.equals("SYMLINK_OF")) {
            edges.add(new GraphEdge(fromText, toText, rel));
          } else {
            edges.add(new GraphEdge(toText, fromText, rel));
          }
        }
        if (rows.size() >= max) {
          cutByLimit = true;
        }
        frontier = next;
      }
    }

    private static NodeId nodeIdOf(Record r) {
      String type = r.get("type").asString();
      String ns = r.get("namespace").asString();
      String name = r.get("name").asString();
      return switch (type) {
        case "JOB" -> NodeId.job(ns, name);
        case "DATASET_FIELD" -> NodeId.field(ns, name, r.get("field").asString());
        default -> NodeId.dataset(ns, name);
      };
    }

    LineageGraph toGraph(org.neo4j.driver.TransactionContext tx, int depth) {
      Map<String, Map<String, Object>> data = new LinkedHashMap<>();
      for (Record r : tx.run(LineageCypher.SUMMARIES, Map.of("ids", new ArrayList<>(nodes.keySet()))).list()) {
        data.put(r.get("id").asString(), props(r.get("props")));
      }
      Map<String, List<GraphEdge>> in = new LinkedHashMap<>();
      Map<String, List<GraphEdge>> out = new LinkedHashMap<>();
      for (GraphEdge e : edges) {
        out.computeIfAbsent(e.origin(), k -> new ArrayList<>()).add(e);
        in.computeIfAbsent(e.destination(), k -> new ArrayList<>()).add(e);
      }
      List<GraphNode> graph = new ArrayList<>();
      nodes.forEach(
          (elementId, id) -> {
            String key = id.toString();
            graph.add(
                new GraphNode(
                    key,
                    id.type().name(),
                    data.getOrDefault(elementId, Map.of()),
                    in.getOrDefault(key, List.of()),
                    out.getOrDefault(key, List.of())));
          });
      String by = cutByLimit ? "nodeLimit" : cutByDepth ? "depth" : null;
      return new LineageGraph(graph, by != null, by, depth, nodeLimit);
    }

    private static Map<String, Object> props(Value value) {
      Map<String, Object> out = new LinkedHashMap<>();
      value
          .asMap(v -> v.isNull() ? null : v.asObject())
          .forEach(
              (k, v) -> {
                if (v != null) {
                  out.put(k, v instanceof ZonedDateTime z ? z.toOffsetDateTime().toString() : v);
                }
              });
      return out;
    }
  }
}
