package io.watershed.alerts.change;

import io.watershed.alerts.change.ChangeStore.Resolution;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.impact.Assertion;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Decides from the graph whether open changes are over. Resolution is a question about the graph's state, not
 * about one event, so the same check serves right after a batch (for the subjects it touched) and in the periodic
 * sweep (for all open changes), and a lost or reordered event cannot keep a change open for ever:
 *
 * <ul>
 *   <li>a failed run: a later run of the same job completed;
 *   <li>a breaking schema change: a later version has every broken field again, with its old type;
 *   <li>a drop or truncate: a later successful write of the dataset (a rename only ends by acknowledgement);
 *   <li>a failed check: a later report of the same assertion on the same column succeeded;
 *   <li>a product out of its SLO: the product is IN_SLO since then.
 * </ul>
 */
@Singleton
public class ChangeReconciler {

  private final Neo4jConnection connection;

  public ChangeReconciler(Neo4jConnection connection) {
    this.connection = connection;
  }

  /** The open changes among {@code open} that are over, with when and why. */
  public List<Resolution> resolutions(List<Change> open) {
    Map<ChangeKind, List<Change>> byKind = new HashMap<>();
    for (Change c : open) {
      if (c.status() == ChangeStatus.OPEN) {
        byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c);
      }
    }
    if (byKind.isEmpty()) {
      return List.of();
    }
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return session.executeRead(tx -> check(tx, byKind));
    }
  }

  private static List<Resolution> check(TransactionContext tx, Map<ChangeKind, List<Change>> byKind) {
    List<Resolution> out = new ArrayList<>();
    earliest(tx, ChangeCypher.COMPLETED_SINCE, byKind.get(ChangeKind.RUN_FAILED), "a later run completed", out);
    List<Change> lifecycle = byKind.getOrDefault(ChangeKind.LIFECYCLE_CHANGE, List.of()).stream()
        .filter(c -> !"RENAME".equals(c.details().lifecycleState()))
        .toList();
    earliest(tx, ChangeCypher.WRITTEN_SINCE, lifecycle, "the dataset was written again", out);
    earliest(tx, ChangeCypher.BACK_IN_SLO, byKind.get(ChangeKind.PRODUCT_OUT_OF_SLO), "the product is back in its SLO", out);
    restoredSchemas(tx, byKind.get(ChangeKind.SCHEMA_BREAKING), out);
    passedChecks(tx, byKind.get(ChangeKind.CHECK_FAILED), out);
    return out;
  }

  private static void earliest(
      TransactionContext tx, String cypher, List<Change> changes, String by, List<Resolution> out) {
    if (changes == null || changes.isEmpty()) {
      return;
    }
    for (Record r : tx.run(cypher, Map.of("rows", rows(changes))).list()) {
      out.add(new Resolution(r.get("id").asString(), GraphValues.instant(r.get("at")), by));
    }
  }

  private static void restoredSchemas(TransactionContext tx, List<Change> changes, List<Resolution> out) {
    if (changes == null || changes.isEmpty()) {
      return;
    }
    Map<String, Change> byId = index(changes);
    Set<String> done = new HashSet<>();
    for (Record r : tx.run(ChangeCypher.SCHEMAS_SINCE, Map.of("rows", rows(changes))).list()) {
      String id = r.get("id").asString();
      Change c = byId.get(id);
      if (!done.contains(id) && SchemaDiff.restores(c.details().brokenTypes(), SchemaField.parseList(r.get("schema").asString()))) {
        done.add(id);
        out.add(new Resolution(id, GraphValues.instant(r.get("at")), "a later version restored the fields"));
      }
    }
  }

  private static void passedChecks(TransactionContext tx, List<Change> changes, List<Resolution> out) {
    if (changes == null || changes.isEmpty()) {
      return;
    }
    Map<String, Change> byId = index(changes);
    Set<String> done = new HashSet<>();
    for (Record r : tx.run(ChangeCypher.ASSERTIONS_SINCE, Map.of("rows", rows(changes))).list()) {
      String id = r.get("id").asString();
      Change c = byId.get(id);
      if (done.contains(id)) {
        continue;
      }
      boolean passed = Assertion.parseFacet(r.get("json").asString()).stream()
          .anyMatch(a -> a.success() && a.sameCheckAs(c.details().check(), c.details().column()));
      if (passed) {
        done.add(id);
        out.add(new Resolution(id, GraphValues.instant(r.get("at")), "the check passed again"));
      }
    }
  }

  private static Map<String, Change> index(List<Change> changes) {
    Map<String, Change> byId = new HashMap<>();
    changes.forEach(c -> byId.put(c.id(), c));
    return byId;
  }

  private static List<Map<String, Object>> rows(List<Change> changes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Change c : changes) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", c.id());
      row.put("namespace", c.subject().namespace());
      row.put("name", c.subject().name());
      row.put("at", GraphValues.time(c.at()));
      rows.add(row);
    }
    return rows;
  }
}
