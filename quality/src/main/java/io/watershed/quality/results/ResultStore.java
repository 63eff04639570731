package io.watershed.quality.results;

import static io.watershed.quality.GraphValues.time;

import io.watershed.graph.neo4j.InProcessTransactions;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.write.LineageWriteParticipant;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Stores quality results, whatever their route, in ONE transaction per batch: all of a request or none. Results are
 * merged on their deterministic id, so storing the same batch twice stores nothing new. The same rules exist twice:
 * as the Cypher below (Bolt) and with Neo4j's Java API ({@link ResultNodes}, in-process); {@code ResultStoreIT}
 * requires both to give the same graph.
 */
@Singleton
public class ResultStore {

  // Check results, linked to their dataset (created bare when no lineage event named it yet).
  static final String CHECKS =
      """
      UNWIND $rows AS row
      MERGE (d:Dataset {namespace: row.namespace, name: row.name})
      MERGE (r:CheckResult {id: row.id})
      ON CREATE SET r += row.props, r.namespace = row.namespace, r.name = row.name, r.receivedAt = $now
      MERGE (r)-[:ABOUT]->(d)
      """;

  // Metric observations (row counts, column null counts), linked to their dataset.
  static final String METRICS =
      """
      UNWIND $rows AS row
      MERGE (d:Dataset {namespace: row.namespace, name: row.name})
      MERGE (m:QualityMetric {id: row.id})
      ON CREATE SET m += row.props, m.namespace = row.namespace, m.name = row.name, m.receivedAt = $now
      MERGE (m)-[:ABOUT]->(d)
      """;

  private final Neo4jConnection connection;
  private final Clock clock;

  public ResultStore(Neo4jConnection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  public void store(QualityBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    Object now = time(clock.instant());
    // Like the ingest writer: in-process on the embedded database (no Bolt round trips), else over Bolt.
    GraphDatabaseService local = connection.inProcessDatabase();
    if (local != null) {
      InProcessTransactions.writeInTransaction(local, tx -> ResultNodes.write(tx, batch, now));
      return;
    }
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      session.executeWriteWithoutResult(
          tx -> write((cypher, parameters) -> tx.run(cypher, parameters).consume(), batch, now));
    }
  }

  /** Writes {@code batch} with the Cypher statements above, in the caller's transaction ({@code now}: receivedAt). */
  static void write(LineageWriteParticipant.Statements tx, QualityBatch batch, Object now) {
    if (!batch.checks().isEmpty()) {
      tx.run(CHECKS, Map.of("rows", batch.checks().stream().map(ResultStore::row).toList(), "now", now));
    }
    if (!batch.metrics().isEmpty()) {
      tx.run(METRICS, Map.of("rows", batch.metrics().stream().map(ResultStore::row).toList(), "now", now));
    }
  }

  /** The properties a CheckResult node gets besides id, namespace, name and receivedAt; no nulls. */
  static Map<String, Object> properties(CheckResult c) {
    Map<String, Object> props = new HashMap<>();
    props.put("check", c.check());
    props.put("column", c.column());
    props.put("dimension", c.dimension() == null ? null : c.dimension().label());
    props.put("success", c.success());
    props.put("observedValue", c.observedValue());
    props.put("threshold", c.threshold());
    props.put("time", time(c.time()));
    props.put("producer", c.producer());
    props.put("runId", c.runId());
    props.put("source", c.source().label());
    // A node property cannot hold null: absent values are left out.
    props.values().removeIf(v -> v == null);
    return props;
  }

  /** The properties a QualityMetric node gets besides id, namespace, name and receivedAt; no nulls. */
  static Map<String, Object> properties(MetricObservation m) {
    Map<String, Object> props = new HashMap<>();
    props.put("column", m.column());
    props.put("rowCount", m.rowCount());
    props.put("nullCount", m.nullCount());
    props.put("nonNullRatio", m.nonNullRatio());
    props.put("time", time(m.time()));
    props.put("producer", m.producer());
    props.put("runId", m.runId());
    props.put("source", m.source().label());
    props.put("evidence", m.evidence());
    props.values().removeIf(v -> v == null);
    return props;
  }

  private static Map<String, Object> row(CheckResult c) {
    return row(c.id(), c.dataset().namespace(), c.dataset().name(), properties(c));
  }

  private static Map<String, Object> row(MetricObservation m) {
    return row(m.id(), m.dataset().namespace(), m.dataset().name(), properties(m));
  }

  private static Map<String, Object> row(String id, String namespace, String name, Map<String, Object> props) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("namespace", namespace);
    row.put("name", name);
    row.put("props", props);
    return row;
  }
}
