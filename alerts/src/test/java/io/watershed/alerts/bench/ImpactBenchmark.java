package io.watershed.alerts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.watershed.alerts.schema.AlertMigrations;
import io.watershed.graph.impact.ImpactAnalysis;
import io.watershed.graph.impact.ImpactReport;
import io.watershed.graph.impact.ImpactRequest;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.neo4j.EmbeddedNeo4j;
import io.watershed.graph.schema.GraphMigrations;
import io.watershed.graph.schema.SchemaMigrator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/**
 * Impact benchmark: builds a generated lineage graph directly over Bolt in batches, starts the alerts API on a free
 * port, and measures {@code GET /api/v1/impact} (client side, HTTP included) from random datasets.
 *
 * <p>The graph is a layered DAG: {@code layers} layers of datasets; every dataset after the first layer is written
 * by one job, which reads datasets of the three layers before it, so that READS + WRITES add up to {@code edges}.
 * Every 50th dataset is exposed by a data product (200 owners, 20 domains).
 *
 * <p>Run: {@code java -cp <alerts test classpath> io.watershed.alerts.bench.ImpactBenchmark [--datasets 100000]
 * [--edges 500000] [--layers 25] [--depth 10] [--limit 1000] [--warmup 1000] [--queries 1000]
 * [--uri bolt://host:7687]}. Without
 * {@code --uri} an embedded Neo4j is started in a temporary directory.
 */
public final class ImpactBenchmark {

  private static final String NS = "bench";
  private static final int BATCH = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  // One batch of datasets.
  private static final String DATASETS =
      """
      UNWIND $rows AS name CREATE (:Dataset {namespace: $ns, name: name})
      """;

  // One batch of jobs, each with the dataset it writes and the datasets it reads.
  private static final String JOBS =
      """
      UNWIND $rows AS r
      MATCH (o:Dataset {namespace: $ns, name: r.output})
      CREATE (j:Job {namespace: $ns, name: r.job})-[:WRITES]->(o)
      WITH j, r
      UNWIND r.inputs AS input
      MATCH (i:Dataset {namespace: $ns, name: input})
      CREATE (j)-[:READS]->(i)
      """;

  // One batch of data products with their owner and domain.
  private static final String PRODUCTS =
      """
      UNWIND $rows AS r
      MATCH (d:Dataset {namespace: $ns, name: r.dataset})
      CREATE (p:DataProduct {name: r.name, domain: r.domain, severity: 'warning', state: 'IN_SLO'})-[:EXPOSES]->(d)
      MERGE (o:Owner {name: r.owner})
      MERGE (dom:Domain {name: r.domain})
      CREATE (o)-[:OWNS_PRODUCT]->(p)
      CREATE (p)-[:IN_DOMAIN]->(dom)
      """;

  private ImpactBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = options(args);
    int datasets = Integer.parseInt(opts.getOrDefault("datasets", "100000"));
    int edges = Integer.parseInt(opts.getOrDefault("edges", "500000"));
    int layers = Integer.parseInt(opts.getOrDefault("layers", "25"));
    int depth = Integer.parseInt(opts.getOrDefault("depth", "10"));
    int limit = Integer.parseInt(opts.getOrDefault("limit", "1000"));
    int queries = Integer.parseInt(opts.getOrDefault("queries", "1000"));
    int warmup = Integer.parseInt(opts.getOrDefault("warmup", "1000"));
    Random random = new Random(Long.parseLong(opts.getOrDefault("seed", "42")));

    EmbeddedNeo4j embedded = null;
    String uri = opts.get("uri");
    Path home = null;
    if (uri == null) {
      home = Files.createTempDirectory("watershed-impact-bench");
      embedded = EmbeddedNeo4j.start(home, 0, 1024L * 1024 * 1024, Duration.ofSeconds(10));
      uri = embedded.boltUri();
    }
    try (Driver driver = GraphDatabase.driver(uri, AuthTokens.none())) {
      new SchemaMigrator(driver, "neo4j").migrate(List.of(new GraphMigrations(), new AlertMigrations()));
      long built = System.nanoTime();
      int perLayer = datasets / layers;
      int written = build(driver, perLayer, layers, edges, random);
      System.out.printf(Locale.ROOT, "graph: %d datasets, %d jobs, %d READS+WRITES, built in %d s%n",
          perLayer * layers, perLayer * (layers - 1), written, Duration.ofNanos(System.nanoTime() - built).toSeconds());
      measure(uri, perLayer, layers, depth, limit, warmup, queries, random);
    } finally {
      if (embedded != null) {
        embedded.close();
        delete(home);
      }
    }
  }

  private static int build(Driver driver, int perLayer, int layers, int edges, Random random) {
    List<String> names = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      for (int i = 0; i < perLayer; i++) {
        names.add(name(l, i));
      }
    }
    for (int from = 0; from < names.size(); from += BATCH) {
      write(driver, DATASETS, names.subList(from, Math.min(names.size(), from + BATCH)));
    }
    int jobs = perLayer * (layers - 1);
    int reads = edges - jobs;
    List<Map<String, Object>> rows = new ArrayList<>();
    int edgeCount = 0;
    for (int l = 1; l < layers; l++) {
      for (int i = 0; i < perLayer; i++) {
        int n = (l - 1) * perLayer + i;
        // Spread the reads evenly: job n reads its share of the total, 1 at least.
        int k = Math.max(1, (int) ((long) reads * (n + 1) / jobs - (long) reads * n / jobs));
        List<String> inputs = new ArrayList<>();
        for (int j = 0; j < k; j++) {
          int layer = Math.max(0, l - 1 - random.nextInt(3));
          inputs.add(name(layer, random.nextInt(perLayer)));
        }
        Map<String, Object> row = new HashMap<>();
        row.put("job", "job." + l + "." + i);
        row.put("output", name(l, i));
        row.put("inputs", inputs);
        rows.add(row);
        edgeCount += 1 + k;
        if (rows.size() == BATCH / 2) {
          write(driver, JOBS, rows);
          rows = new ArrayList<>();
        }
      }
    }
    write(driver, JOBS, rows);
    List<Map<String, Object>> products = new ArrayList<>();
    for (int d = 0; d < names.size(); d += 50) {
      products.add(Map.of("name", "product-" + d, "dataset", names.get(d), "owner", "team-" + (d / 50 % 200),
          "domain", "domain-" + (d / 50 % 20)));
    }
    write(driver, PRODUCTS, products);
    return edgeCount;
  }

  private static void write(Driver driver, String cypher, List<?> rows) {
    if (rows.isEmpty()) {
      return;
    }
    try (Session session = driver.session()) {
      session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", rows, "ns", NS)).consume());
    }
  }

  private static void measure(
      String uri, int perLayer, int layers, int depth, int limit, int warmup, int queries, Random random)
      throws IOException, InterruptedException {
    Map<String, Object> props = new HashMap<>();
    props.put("watershed.neo4j.uri", uri);
    props.put("watershed.alerts.enabled", "false");
    props.put("micronaut.server.port", "-1");
    props.put("jackson.serialization-inclusion", "ALWAYS"); // as the server configures it
    try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.getPort() + "/api/v1/impact?depth=" + depth + "&limit=" + limit
          + "&nodeId=dataset:" + NS + ":";
      int sourceLayers = Math.max(1, layers - depth / 2);
      // Warm-up (JIT, page cache, query plans) through the same path that is measured.
      for (int i = 0; i < warmup; i++) {
        get(http, base + name(random.nextInt(sourceLayers), random.nextInt(perLayer)));
      }
      long[] nanos = new long[queries];
      long visited = 0;
      long products = 0;
      int truncated = 0;
      for (int i = 0; i < queries; i++) {
        String url = base + name(random.nextInt(sourceLayers), random.nextInt(perLayer));
        long start = System.nanoTime();
        JsonNode report = get(http, url);
        nanos[i] = System.nanoTime() - start;
        visited += report.get("datasets").size() + report.get("jobs").size();
        products += report.get("products").size();
        truncated += report.get("truncated").asBoolean() ? 1 : 0;
      }
      report("GET /api/v1/impact", depth, limit, nanos, visited, products, truncated);
      // The same walks in process, without HTTP and JSON, to tell the traversal's share from the transport's.
      ImpactAnalysis impact = context.getBean(ImpactAnalysis.class);
      visited = 0;
      products = 0;
      truncated = 0;
      for (int i = 0; i < queries; i++) {
        NodeId start = NodeId.dataset(NS, name(random.nextInt(sourceLayers), random.nextInt(perLayer)));
        long t = System.nanoTime();
        ImpactReport report = impact.impact(new ImpactRequest(start, List.of(), depth, limit));
        nanos[i] = System.nanoTime() - t;
        visited += report.datasets().size() + report.jobs().size();
        products += report.products().size();
        truncated += report.truncated() ? 1 : 0;
      }
      report("ImpactAnalysis.impact (in process)", depth, limit, nanos, visited, products, truncated);
    }
  }

  private static void report(
      String what, int depth, int limit, long[] nanos, long visited, long products, int truncated) {
    int queries = nanos.length;
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT,
        "%s depth=%d limit=%d, %d queries: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms;"
            + " %.0f nodes and %.1f products per answer, %d%% cut by a limit%n",
        what, depth, limit, queries, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[queries - 1] / 1e6,
        (double) visited / queries, (double) products / queries, truncated * 100 / queries);
  }

  private static double ms(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static String name(int layer, int i) {
    return "ds." + layer + "." + i;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  private static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
