package io.watershed.graph.testing;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Builds small graphs by hand with plain Cypher, in the shapes docs/graph-model.md gives (datasets, jobs with
 * READS/WRITES, fields with FIELD_OF/DERIVES_FROM, runs, data products with EXPOSES/IN_DOMAIN/OWNS_PRODUCT), for
 * tests whose answers are known in advance. Dataset and job names are {@code namespace.name} free text; the
 * namespace is fixed per fixture.
 */
public final class GraphFixture {

  private final Driver driver;
  private final String namespace;

  public GraphFixture(Driver driver, String namespace) {
    this.driver = driver;
    this.namespace = namespace;
  }

  public String namespace() {
    return namespace;
  }

  /** A dataset with these fields (all of type STRING, in schema). */
  public GraphFixture dataset(String name, String... fields) {
    run(
        """
        MERGE (d:Dataset {namespace: $ns, name: $name})
        WITH d UNWIND $fields AS f
        MERGE (x:Field {namespace: $ns, dataset: $name, name: f})
        SET x.type = 'STRING', x.inSchema = true
        MERGE (x)-[:FIELD_OF]->(d)
        """,
        Map.of("ns", namespace, "name", name, "fields", List.of(fields)));
    return this;
  }

  /** A job that reads and writes these datasets (created if missing). */
  public GraphFixture job(String name, List<String> reads, List<String> writes) {
    run(
        """
        MERGE (j:Job {namespace: $ns, name: $name})
        FOREACH (r IN $reads | MERGE (d:Dataset {namespace: $ns, name: r}) MERGE (j)-[:READS]->(d))
        FOREACH (w IN $writes | MERGE (d:Dataset {namespace: $ns, name: w}) MERGE (j)-[:WRITES]->(d))
        """,
        Map.of("ns", namespace, "name", name, "reads", reads, "writes", writes));
    return this;
  }

  /** Column lineage: {@code outDataset.outField} is computed from {@code inDataset.inField}. */
  public GraphFixture derive(String outDataset, String outField, String inDataset, String inField) {
    run(
        """
        MERGE (o:Dataset {namespace: $ns, name: $out})
        MERGE (i:Dataset {namespace: $ns, name: $in})
        MERGE (of:Field {namespace: $ns, dataset: $out, name: $outField}) MERGE (of)-[:FIELD_OF]->(o)
        MERGE (inf:Field {namespace: $ns, dataset: $in, name: $inField}) MERGE (inf)-[:FIELD_OF]->(i)
        MERGE (of)-[:DERIVES_FROM]->(inf)
        """,
        Map.of("ns", namespace, "out", outDataset, "outField", outField, "in", inDataset, "inField", inField));
    return this;
  }

  /** A finished run of a job: {@code COMPLETE}, {@code FAIL} or {@code ABORT}. */
  public GraphFixture run(String job, String runId, String state, ZonedDateTime at, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("ns", namespace);
    params.put("job", job);
    params.put("runId", runId);
    params.put("state", state);
    params.put("at", at);
    params.put("error", error);
    run(
        """
        MERGE (j:Job {namespace: $ns, name: $job})
        MERGE (r:Run {runId: $runId})
        SET r.jobNamespace = $ns, r.jobName = $job, r.state = $state, r.stateRank = 2, r.stateTime = $at,
            r.createdAt = $at, r.endedAt = $at, r.errorMessage = $error
        MERGE (r)-[:RUN_OF]->(j)
        """,
        params);
    return this;
  }

  /** A data product as the quality module stores it. */
  public ProductBuilder product(String name) {
    return new ProductBuilder(name);
  }

  /** Fluent builder of one DataProduct node and its relationships. */
  public final class ProductBuilder {
    private final String name;
    private String domain = "default";
    private String severity = "warning";
    private String state = "IN_SLO";
    private String reasons = "[]";
    private String routes = "[]";
    private final List<String> owners = new ArrayList<>();
    private final List<String> exposes = new ArrayList<>();

    private ProductBuilder(String name) {
      this.name = name;
    }

    public ProductBuilder domain(String domain) {
      this.domain = domain;
      return this;
    }

    public ProductBuilder severity(String severity) {
      this.severity = severity;
      return this;
    }

    /** {@code OUT_OF_SLO} with these reasons, as a JSON list. */
    public ProductBuilder outOfSlo(String... reasons) {
      this.state = "OUT_OF_SLO";
      this.reasons = toJsonList(reasons);
      return this;
    }

    public ProductBuilder owner(String owner) {
      owners.add(owner);
      return this;
    }

    public ProductBuilder exposes(String dataset) {
      exposes.add(dataset);
      return this;
    }

    /** The {@code alertRoutes} JSON, as the contract gives it. */
    public ProductBuilder routes(String json) {
      this.routes = json;
      return this;
    }

    public GraphFixture build() {
      Map<String, Object> params = new HashMap<>();
      params.put("ns", namespace);
      params.put("name", name);
      params.put("domain", domain);
      params.put("severity", severity);
      params.put("state", state);
      params.put("reasons", reasons);
      params.put("routes", routes);
      params.put("owners", owners);
      params.put("exposes", exposes);
      run(
          """
          MERGE (p:DataProduct {name: $name})
          SET p.domain = $domain, p.severity = $severity, p.state = $state, p.stateReasons = $reasons,
              p.stateSince = datetime(), p.alertRoutes = $routes, p.updatedAt = datetime()
          MERGE (dom:Domain {name: $domain})
          MERGE (p)-[:IN_DOMAIN]->(dom)
          FOREACH (o IN $owners | MERGE (owner:Owner {name: o}) MERGE (owner)-[:OWNS_PRODUCT]->(p))
          FOREACH (e IN $exposes | MERGE (d:Dataset {namespace: $ns, name: e}) MERGE (p)-[:EXPOSES]->(d))
          """,
          params);
      return GraphFixture.this;
    }
  }

  /** Runs any other fixture statement. */
  public GraphFixture run(String cypher, Map<String, Object> params) {
    try (Session session = driver.session()) {
      session.executeWriteWithoutResult(tx -> tx.run(cypher, params).consume());
    }
    return this;
  }

  private static String toJsonList(String... items) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(items[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return sb.append(']').toString();
  }
}
