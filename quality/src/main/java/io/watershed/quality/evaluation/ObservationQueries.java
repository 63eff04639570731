package io.watershed.quality.evaluation;

import static io.watershed.quality.GraphValues.doubleValue;
import static io.watershed.quality.GraphValues.instant;
import static io.watershed.quality.GraphValues.longValue;
import static io.watershed.quality.GraphValues.string;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.NamedCheck;
import io.watershed.quality.evaluation.Observations.PortColumn;
import io.watershed.quality.evaluation.Observations.PortUpdate;
import io.watershed.quality.results.CheckResult;
import io.watershed.quality.results.Dimension;
import io.watershed.quality.results.MetricObservation;
import io.watershed.quality.results.ResultSource;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Reads what the evaluator needs about a product's ports, in one read transaction of three queries. */
@Singleton
public class ObservationQueries {

  // Last successful update of each port and the run (and job) or DatasetEvent that made it.
  static final String UPDATES =
      """
      UNWIND $ports AS port
      OPTIONAL MATCH (d:Dataset {namespace: port.namespace, name: port.name})
      CALL (d) {
        OPTIONAL MATCH (v:DatasetVersion {namespace: d.namespace, name: d.name})
        WHERE v.completedAt = d.lastModifiedAt
        OPTIONAL MATCH (r:Run {runId: v.runId})
        RETURN v.runId AS runId, r.jobNamespace AS jobNamespace, r.jobName AS jobName, v IS NOT NULL AS found
        ORDER BY v.runId LIMIT 1
      }
      RETURN port.namespace AS namespace, port.name AS name, d.lastModifiedAt AS lastModifiedAt,
             runId, jobNamespace, jobName, found
      """;

  // Latest metric observation per port and column (column '' = the row count), among the columns asked for.
  static final String METRICS =
      """
      UNWIND $ports AS port
      MATCH (m:QualityMetric {namespace: port.namespace, name: port.name})
      WHERE m.column IS NULL OR m.column IN port.columns
      WITH port, coalesce(m.column, '') AS column, m ORDER BY m.time DESC, m.id DESC
      WITH port, column, collect(m)[0] AS m
      RETURN m {.*} AS m
      """;

  // Latest result per port, check name and column, for the checks asked for.
  static final String CHECKS =
      """
      UNWIND $checks AS c
      MATCH (r:CheckResult {namespace: c.namespace, name: c.name, check: c.check})
      WITH c, coalesce(r.column, '') AS column, r ORDER BY r.time DESC, r.id DESC
      WITH c, column, collect(r)[0] AS r
      RETURN r {.*} AS r
      """;

  private final Neo4jConnection connection;

  public ObservationQueries(Neo4jConnection connection) {
    this.connection = connection;
  }

  public Observations load(DataProductContract contract) {
    if (contract.outputPorts().isEmpty()) {
      return Observations.NONE;
    }
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return session.executeRead(tx -> load(tx, contract));
    }
  }

  private static Observations load(TransactionContext tx, DataProductContract contract) {
    List<Map<String, Object>> ports = new ArrayList<>();
    List<Map<String, Object>> checks = new ArrayList<>();
    for (DatasetRef port : contract.outputPorts()) {
      Set<String> columns = new LinkedHashSet<>();
      contract.quality().completenessFor(port).forEach(o -> columns.add(o.column()));
      ports.add(Map.of("namespace", port.namespace(), "name", port.name(), "columns", List.copyOf(columns)));
      for (NamedCheck check : contract.quality().checksFor(port)) {
        checks.add(Map.of("namespace", port.namespace(), "name", port.name(), "check", check.name()));
      }
    }
    Map<DatasetRef, PortUpdate> updates = new HashMap<>();
    tx.run(UPDATES, Map.of("ports", ports)).forEachRemaining(r -> {
      DatasetRef port = new DatasetRef(r.get("namespace").asString(), r.get("name").asString());
      UpdateEvidence evidence = null;
      if (r.get("found").asBoolean(false)) {
        String runId = string(r.get("runId"));
        evidence = new UpdateEvidence(runId == null ? "datasetEvent" : "run", runId, string(r.get("jobNamespace")),
            string(r.get("jobName")));
      }
      updates.put(port, new PortUpdate(instant(r.get("lastModifiedAt")), evidence));
    });
    Map<PortColumn, MetricObservation> columnMetrics = new HashMap<>();
    Map<DatasetRef, MetricObservation> rowCounts = new HashMap<>();
    tx.run(METRICS, Map.of("ports", ports)).forEachRemaining(r -> {
      MetricObservation m = metric(r.get("m"));
      if (m.column() == null) {
        rowCounts.put(m.dataset(), m);
      } else {
        columnMetrics.put(new PortColumn(m.dataset(), m.column()), m);
      }
    });
    List<CheckResult> results = new ArrayList<>();
    if (!checks.isEmpty()) {
      tx.run(CHECKS, Map.of("checks", checks)).forEachRemaining(r -> results.add(check(r.get("r"))));
    }
    return new Observations(updates, columnMetrics, rowCounts, results);
  }

  static MetricObservation metric(Value m) {
    return new MetricObservation(
        m.get("id").asString(),
        new DatasetRef(m.get("namespace").asString(), m.get("name").asString()),
        string(m.get("column")),
        longValue(m.get("rowCount")),
        longValue(m.get("nullCount")),
        doubleValue(m.get("nonNullRatio")),
        instant(m.get("time")),
        string(m.get("producer")),
        string(m.get("runId")),
        ResultSource.valueOf(m.get("source").asString().toUpperCase(Locale.ROOT)),
        m.get("evidence").asString());
  }

  static CheckResult check(Value r) {
    String dimension = string(r.get("dimension"));
    return new CheckResult(
        r.get("id").asString(),
        new DatasetRef(r.get("namespace").asString(), r.get("name").asString()),
        r.get("check").asString(),
        string(r.get("column")),
        dimension == null ? null : Dimension.parse(dimension).orElse(Dimension.OTHER),
        r.get("success").asBoolean(),
        doubleValue(r.get("observedValue")),
        doubleValue(r.get("threshold")),
        instant(r.get("time")),
        string(r.get("producer")),
        string(r.get("runId")),
        ResultSource.valueOf(r.get("source").asString().toUpperCase(Locale.ROOT)));
  }
}
