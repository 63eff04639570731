package io.watershed.quality.results;

import io.watershed.quality.contract.DatasetRef;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * {@link ResultStore}'s {@code CHECKS} and {@code METRICS} statements with Neo4j's Java API, for a database in this
 * JVM: the same nodes, properties and relationships, without the Cypher runtime. Used for results stored on their own
 * and for those the ingest writer stores with the lineage of their events ({@link OpenLineageResultsWriter}), where
 * the writer's thread is the ingest path's one serial step and Cypher would cost it several times more.
 *
 * <p>A node is looked up, then created when missing; a concurrent transaction creating the same key makes this one
 * fail on the key constraint, and the caller's retry ({@code InProcessTransactions}) finds the other's node.
 */
final class ResultNodes {

  private static final Label DATASET = Label.label("Dataset");
  private static final Label CHECK_RESULT = Label.label("CheckResult");
  private static final Label QUALITY_METRIC = Label.label("QualityMetric");
  private static final RelationshipType ABOUT = RelationshipType.withName("ABOUT");

  private final Transaction tx;
  private final Object now;
  // Datasets found or made in this transaction, so each is looked up in its index once.
  private final Map<DatasetRef, Node> datasets = new HashMap<>();

  private ResultNodes(Transaction tx, Object now) {
    this.tx = tx;
    this.now = now;
  }

  /** Writes {@code batch} in {@code tx} ({@code now}: receivedAt of new results); the caller commits. */
  static void write(Transaction tx, QualityBatch batch, Object now) {
    ResultNodes nodes = new ResultNodes(tx, now);
    for (CheckResult c : batch.checks()) {
      nodes.merge(CHECK_RESULT, c.id(), c.dataset(), ResultStore.properties(c));
    }
    for (MetricObservation m : batch.metrics()) {
      nodes.merge(QUALITY_METRIC, m.id(), m.dataset(), ResultStore.properties(m));
    }
  }

  /**
   * MERGE (d:Dataset {namespace, name}) MERGE (r:label {id}) ON CREATE SET r += props, r.namespace, r.name,
   * r.receivedAt MERGE (r)-[:ABOUT]->(d).
   */
  private void merge(Label label, String id, DatasetRef dataset, Map<String, Object> props) {
    Node d = dataset(dataset);
    Node r = tx.findNode(label, "id", id);
    if (r == null) {
      r = tx.createNode(label);
      r.setProperty("id", id);
      for (Map.Entry<String, Object> p : props.entrySet()) {
        r.setProperty(p.getKey(), p.getValue());
      }
      r.setProperty("namespace", dataset.namespace());
      r.setProperty("name", dataset.name());
      r.setProperty("receivedAt", now);
      r.createRelationshipTo(d, ABOUT);
      return;
    }
    for (Relationship about : r.getRelationships(Direction.OUTGOING, ABOUT)) {
      if (about.getEndNode().equals(d)) {
        return;
      }
    }
    r.createRelationshipTo(d, ABOUT);
  }

  private Node dataset(DatasetRef ref) {
    return datasets.computeIfAbsent(
        ref,
        key -> {
          try (ResourceIterator<Node> found =
              tx.findNodes(DATASET, "namespace", key.namespace(), "name", key.name())) {
            if (found.hasNext()) {
              return found.next();
            }
          }
          Node d = tx.createNode(DATASET);
          d.setProperty("namespace", key.namespace());
          d.setProperty("name", key.name());
          return d;
        });
  }
}
