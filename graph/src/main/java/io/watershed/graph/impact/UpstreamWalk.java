package io.watershed.graph.impact;

import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeId.NodeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * A breadth-first walk upstream from a product's datasets through job-level lineage, one query per level. Each node
 * keeps the downstream neighbour it was reached from, so the path from any node down to the product is a chain of
 * parent pointers.
 */
final class UpstreamWalk {

  /** A visited node; {@code parent} is its downstream neighbour on the way to the product. */
  record Visit(String elementId, NodeId id, @Nullable Visit parent, int distance) {

    /** Node ids from this node down to the product's dataset. */
    List<String> pathDown() {
      List<String> out = new ArrayList<>();
      for (Visit v = this; v != null; v = v.parent) {
        out.add(v.id.toString());
      }
      return out;
    }
  }

  private final int maxDepth;
  private final int nodeLimit;
  final Map<String, Visit> visits = new LinkedHashMap<>();
  /** Upstream edges seen between visited nodes (element id to its upstream neighbours). */
  private final Map<String, Set<String>> upstream = new HashMap<>();

  boolean cutByDepth;
  boolean cutByLimit;

  UpstreamWalk(int maxDepth, int nodeLimit) {
    this.maxDepth = maxDepth;
    this.nodeLimit = nodeLimit;
  }

  void run(TransactionContext tx, Map<String, NodeId> roots) {
    List<String> frontier = new ArrayList<>();
    roots.forEach(
        (elementId, id) -> {
          if (!visits.containsKey(elementId) && visits.size() < nodeLimit) {
            visits.put(elementId, new Visit(elementId, id, null, 0));
            frontier.add(elementId);
          }
        });
    for (int level = 0; !frontier.isEmpty(); level++) {
      List<String> datasets = new ArrayList<>();
      List<String> jobs = new ArrayList<>();
      frontier.forEach(id -> (visits.get(id).id().type() == NodeType.JOB ? jobs : datasets).add(id));
      List<Record> rows = new ArrayList<>();
      rows.addAll(expand(tx, ImpactCypher.DATASETS_UPSTREAM, datasets));
      rows.addAll(expand(tx, ImpactCypher.JOBS_UPSTREAM, jobs));
      frontier.clear();
      for (Record r : rows) {
        Visit from = visits.get(r.get("from").asString());
        String to = r.get("to").asString();
        Visit known = visits.get(to);
        if (known != null) {
          edge(from, known);
          continue;
        }
        if (level == maxDepth) {
          cutByDepth = true;
          continue;
        }
        if (visits.size() >= nodeLimit) {
          cutByLimit = true;
          continue;
        }
        String ns = r.get("namespace").asString();
        String name = r.get("name").asString();
        NodeId id = r.get("job").asBoolean() ? NodeId.job(ns, name) : NodeId.dataset(ns, name);
        Visit v = new Visit(to, id, from, level + 1);
        visits.put(to, v);
        edge(from, v);
        frontier.add(to);
      }
    }
  }

  private List<Record> expand(TransactionContext tx, String cypher, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Record> rows = tx.run(cypher, Map.of("ids", ids, "max", ImpactWalk.MAX_ROWS_PER_QUERY)).list();
    if (rows.size() >= ImpactWalk.MAX_ROWS_PER_QUERY) {
      cutByLimit = true;
    }
    return rows;
  }

  private void edge(Visit downstream, Visit up) {
    if (!downstream.elementId().equals(up.elementId())) {
      upstream.computeIfAbsent(downstream.elementId(), k -> new LinkedHashSet<>()).add(up.elementId());
    }
  }

  /** Visited nodes strictly reachable upstream of {@code from} over the edges seen. */
  Set<String> upstreamOf(String from) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      for (String next : upstream.getOrDefault(queue.poll(), Set.of())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }

  List<String> elementIds() {
    return List.copyOf(visits.keySet());
  }

  @Nullable
  String truncatedBy() {
    return cutByLimit ? "nodeLimit" : cutByDepth ? "depth" : null;
  }
}
