package io.watershed.graph.impact;

import io.watershed.graph.impact.ImpactReport.Consumers;
import io.watershed.graph.impact.ImpactReport.ImpactedNode;
import io.watershed.graph.impact.ImpactReport.ImpactedOwner;
import io.watershed.graph.impact.ImpactReport.ImpactedProduct;
import io.watershed.graph.impact.ImpactWalk.Visit;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeId.NodeType;
import io.watershed.graph.lineage.NodeNotFoundException;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Answers "this dataset, job or column changed or broke: what downstream is affected, who owns it, who consumes
 * it?". One read transaction; one query per BFS level and kind of node, plus three lookups at the end (products,
 * owners), so the cost follows the nodes reached, not the number of paths.
 */
@Singleton
public class ImpactAnalysis {

  private final Neo4jConnection connection;

  public ImpactAnalysis(Neo4jConnection connection) {
    this.connection = connection;
  }

  /**
   * The downstream closure of {@code request.start()}.
   *
   * @throws NodeNotFoundException when the start node or one of the fields is not in the graph
   */
  public ImpactReport impact(ImpactRequest request) {
    try (Session session = connection.driver().session(ImpactAnalysis.wholeResults(connection))) {
      return session.executeRead(tx -> walk(tx, request));
    }
  }

  /**
   * Sessions that pull each result in one go: a wide BFS level returns thousands of rows, and the driver's default
   * (1000 records per pull) would add a round trip per thousand.
   */
  static SessionConfig wholeResults(Neo4jConnection connection) {
    return SessionConfig.builder().withDatabase(connection.database()).withFetchSize(-1).build();
  }

  private ImpactReport walk(TransactionContext tx, ImpactRequest request) {
    NodeId start = request.startNode();
    ImpactWalk walk = new ImpactWalk(request.depth(), request.nodeLimit());
    String startId = find(tx, start);
    List<String> fields = request.startFields();
    if (fields.isEmpty()) {
      walk.startCoarse(startId, start);
    } else {
      walk.startFields(startId, start, findFields(tx, start, fields));
    }
    walk.run(tx);
    return report(tx, request, walk);
  }

  private static String find(TransactionContext tx, NodeId node) {
    String query = node.type() == NodeType.JOB ? ImpactCypher.FIND_JOB : ImpactCypher.FIND_DATASET;
    List<Record> rows = tx.run(query, Map.of("namespace", node.namespace(), "name", node.name())).list();
    if (rows.isEmpty()) {
      throw new NodeNotFoundException(node.type().prefix(), node.toString());
    }
    return rows.get(0).get("id").asString();
  }

  private static Map<String, NodeId> findFields(TransactionContext tx, NodeId dataset, List<String> fields) {
    Map<String, NodeId> found = new LinkedHashMap<>();
    Map<String, String> byName = new TreeMap<>();
    for (Record r :
        tx.run(
                ImpactCypher.FIND_FIELDS,
                Map.of("namespace", dataset.namespace(), "name", dataset.name(), "fields", fields))
            .list()) {
      byName.put(r.get("field").asString(), r.get("id").asString());
    }
    for (String field : fields) {
      String id = byName.get(field);
      if (id == null) {
        NodeId missing = NodeId.field(dataset.namespace(), dataset.name(), field);
        throw new NodeNotFoundException(NodeType.DATASET_FIELD.prefix(), missing.toString());
      }
      found.put(id, NodeId.field(dataset.namespace(), dataset.name(), field));
    }
    return found;
  }

  private static ImpactReport report(TransactionContext tx, ImpactRequest request, ImpactWalk walk) {
    List<Visit> datasets = walk.visitsOf(NodeType.DATASET);
    List<Visit> jobs = walk.visitsOf(NodeType.JOB);
    Map<String, ProductRow> products = products(tx, datasets);
    List<ImpactedProduct> impacted = impactedProducts(walk, products);
    List<ImpactedOwner> owners = owners(tx, walk, datasets, jobs, impacted);
    String by = walk.truncatedBy();
    return new ImpactReport(
        request.start().toString(),
        request.startFields(),
        request.depth(),
        request.nodeLimit(),
        by != null,
        by,
        impacted,
        datasets.stream().map(ImpactAnalysis::node).toList(),
        jobs.stream().map(ImpactAnalysis::node).toList(),
        owners);
  }

  private static ImpactedNode node(Visit v) {
    return new ImpactedNode(v.id.toString(), v.distance, v.precision, List.copyOf(v.fields), v.path());
  }

  /** One product and the affected datasets it exposes (element ids). */
  private record ProductRow(
      String name, String domain, String severity, String state, List<String> owners, List<String> datasets) {}

  private static Map<String, ProductRow> products(TransactionContext tx, List<Visit> datasets) {
    Map<String, ProductRow> out = new TreeMap<>();
    if (datasets.isEmpty()) {
      return out;
    }
    List<String> ids = datasets.stream().map(v -> v.elementId).toList();
    for (Record r : tx.run(ImpactCypher.PRODUCTS, Map.of("ids", ids)).list()) {
      String name = r.get("name").asString();
      ProductRow row =
          out.computeIfAbsent(
              name,
              n ->
                  new ProductRow(
                      n,
                      text(r.get("domain")),
                      text(r.get("severity")),
                      text(r.get("state")),
                      r.get("owners").asList(Value::asString).stream().sorted().toList(),
                      new ArrayList<>()));
      row.datasets().add(r.get("dataset").asString());
    }
    return out;
  }

  private static List<ImpactedProduct> impactedProducts(ImpactWalk walk, Map<String, ProductRow> products) {
    // Which product exposes each affected dataset, to name the domains downstream of a product.
    Map<String, List<ProductRow>> byDataset = new LinkedHashMap<>();
    products.values().forEach(p -> p.datasets().forEach(d -> byDataset.computeIfAbsent(d, k -> new ArrayList<>()).add(p)));
    List<ImpactedProduct> out = new ArrayList<>();
    for (ProductRow p : products.values()) {
      Visit nearest =
          p.datasets().stream()
              .map(walk.visits::get)
              .min(Comparator.comparingInt((Visit v) -> v.distance).thenComparing(v -> v.id.toString()))
              .orElseThrow();
      Set<String> sources = Set.copyOf(p.datasets());
      Set<String> readers = walk.neighboursOf(sources, v -> v.id.type() == NodeType.JOB);
      Set<String> domains = new TreeSet<>();
      for (String reached : walk.downstreamOf(sources)) {
        for (ProductRow other : byDataset.getOrDefault(reached, List.of())) {
          if (!other.name().equals(p.name()) && other.domain() != null) {
            domains.add(other.domain());
          }
        }
      }
      boolean direct = p.datasets().stream().map(walk.visits::get).anyMatch(Visit::direct);
      out.add(
          new ImpactedProduct(
              p.name(),
              p.domain(),
              p.severity(),
              p.state(),
              p.owners(),
              direct,
              nearest.id.toString(),
              nearest.distance,
              nearest.precision,
              List.copyOf(nearest.fields),
              nearest.path(),
              new Consumers(List.copyOf(readers), List.copyOf(domains))));
    }
    out.sort(Comparator.comparingInt(ImpactedProduct::distance).thenComparing(ImpactedProduct::name));
    return out;
  }

  private static List<ImpactedOwner> owners(
      TransactionContext tx, ImpactWalk walk, List<Visit> datasets, List<Visit> jobs, List<ImpactedProduct> products) {
    Map<String, OwnerAcc> owners = new TreeMap<>();
    for (ImpactedProduct p : products) {
      p.owners().forEach(o -> owners.computeIfAbsent(o, k -> new OwnerAcc()).products.add(p.name()));
    }
    List<String> ids = new ArrayList<>();
    datasets.forEach(v -> ids.add(v.elementId));
    jobs.forEach(v -> ids.add(v.elementId));
    if (!ids.isEmpty()) {
      for (Record r : tx.run(ImpactCypher.ASSET_OWNERS, Map.of("ids", ids)).list()) {
        Visit v = walk.visits.get(r.get("id").asString());
        OwnerAcc acc = owners.computeIfAbsent(r.get("owner").asString(), k -> new OwnerAcc());
        (v.id.type() == NodeType.JOB ? acc.jobs : acc.datasets).add(v.id.toString());
      }
    }
    return owners.entrySet().stream()
        .map(
            e ->
                new ImpactedOwner(
                    e.getKey(),
                    List.copyOf(e.getValue().products),
                    List.copyOf(e.getValue().datasets),
                    List.copyOf(e.getValue().jobs)))
        .toList();
  }

  private static final class OwnerAcc {
    final Set<String> products = new TreeSet<>();
    final Set<String> datasets = new TreeSet<>();
    final Set<String> jobs = new TreeSet<>();
  }

  private static String text(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }
}
