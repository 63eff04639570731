package io.watershed.alerts.alert;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.alert.Problem.ProductHit;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.routing.ProductDirectory;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Opens, refreshes, resolves and reads {@code Alert} nodes, one root cause (series) at a time. */
@Singleton
public class AlertStore {

  /** Root causes that acknowledging ends: nothing will "recover" them (the change was made on purpose). */
  static final List<String> RESOLVED_BY_ACK =
      List.of(RootCauseKind.SCHEMA_BREAKING.name(), RootCauseKind.LIFECYCLE_CHANGE.name());

  private final Neo4jConnection connection;

  public AlertStore(Neo4jConnection connection) {
    this.connection = connection;
  }

  /** What {@link #raise} did. */
  public record Raised(int opened, int escalated, int refreshed) {}

  /**
   * Opens an alert for each product the problem hits that has no firing alert of the same root cause yet, refreshes
   * the others (escalating AT_RISK to DIRECT), and ties them all to the problem's changes. New or escalated alerts
   * ask the planner to notify at {@code planAt}.
   */
  public Raised raise(Problem problem, Instant now, Instant planAt) {
    if (problem.hits().isEmpty()) {
      return new Raised(0, 0, 0);
    }
    String fingerprint = problem.rootCause().fingerprint();
    Map<String, ProductHit> hits = new HashMap<>();
    problem.hits().forEach(h -> hits.merge(h.product(), h, (a, b) -> a.role() == AlertRole.DIRECT ? a : b));
    List<String> products = List.copyOf(hits.keySet());
    try (Session session = session()) {
      return session.executeWrite(
          tx -> {
            lock(tx, fingerprint, problem.rootCause().kind(), problem.rootCause().nodeId(), now);
            Map<String, AlertRole> firing = new HashMap<>();
            Map<String, String> idOf = new HashMap<>();
            for (Record r :
                tx.run(AlertCypher.FIRING_FOR_PRODUCTS, Map.of("fingerprint", fingerprint, "products", products))
                    .list()) {
              firing.put(r.get("product").asString(), AlertRole.valueOf(r.get("role").asString()));
              idOf.put(r.get("product").asString(), r.get("id").asString());
            }
            List<Map<String, Object>> creates = new ArrayList<>();
            List<Map<String, Object>> updates = new ArrayList<>();
            int escalated = 0;
            for (ProductHit hit : hits.values()) {
              Map<String, Object> row = hitRow(hit);
              AlertRole known = firing.get(hit.product());
              if (known == null) {
                row.put("id", UUID.randomUUID().toString().replace("-", "").substring(0, 16));
                creates.add(row);
              } else {
                boolean escalate = known == AlertRole.AT_RISK && hit.role() == AlertRole.DIRECT;
                escalated += escalate ? 1 : 0;
                row.put("id", idOf.get(hit.product()));
                row.put("escalate", escalate);
                updates.add(row);
              }
            }
            Map<String, Object> params = new HashMap<>();
            params.put("fingerprint", fingerprint);
            params.put("now", GraphValues.time(now));
            params.put("since", GraphValues.time(problem.since()));
            params.put("kind", problem.rootCause().kind().name());
            params.put("node", problem.rootCause().nodeId());
            params.put("description", problem.description());
            params.put("evidence", GraphValues.json(problem.evidence()));
            if (!creates.isEmpty()) {
              params.put("rows", creates);
              tx.run(AlertCypher.CREATE, params).consume();
            }
            if (!updates.isEmpty()) {
              params.put("rows", updates);
              tx.run(AlertCypher.UPDATE, params).consume();
            }
            Map<String, Object> link =
                Map.of("fingerprint", fingerprint, "products", products, "changeIds", List.copyOf(problem.changeIds()));
            tx.run(AlertCypher.LINK_CHANGES, link).consume();
            tx.run(AlertCypher.LINK_OPEN_CHANGES, link).consume();
            if (!creates.isEmpty() || escalated > 0) {
              planBy(tx, fingerprint, planAt);
            }
            return new Raised(creates.size(), escalated, updates.size() - escalated);
          });
    }
  }

  private static Map<String, Object> hitRow(ProductHit hit) {
    Map<String, Object> row = new HashMap<>();
    row.put("product", hit.product());
    row.put("role", hit.role().name());
    row.put("path", GraphValues.json(hit.path()));
    row.put("state", hit.state());
    row.put("reason", hit.reason());
    return row;
  }

  /**
   * Resolves the firing alerts of one root cause whose changes are all resolved; asks the planner to send the
   * RESOLVED notifications at {@code planAt}. Returns how many alerts it resolved.
   */
  public int resolveRecovered(String fingerprint, Instant now, Instant planAt) {
    try (Session session = session()) {
      return session.executeWrite(
          tx -> {
            lockExisting(tx, fingerprint, now);
            int resolved =
                tx.run(AlertCypher.RESOLVE_RECOVERED, Map.of("fingerprint", fingerprint, "now", GraphValues.time(now)))
                    .single()
                    .get("resolved")
                    .asInt();
            if (resolved > 0) {
              planBy(tx, fingerprint, planAt);
            }
            return resolved;
          });
    }
  }

  /** Root causes with firing alerts tied to any of these changes. */
  public List<String> fingerprintsOfChanges(List<String> changeIds) {
    if (changeIds.isEmpty()) {
      return List.of();
    }
    return readStrings(AlertCypher.FINGERPRINTS_OF_CHANGES, Map.of("ids", changeIds), "fingerprint");
  }

  /** Root causes with a firing alert none of whose changes is still open. */
  public List<String> fingerprintsToResolve(int limit) {
    return readStrings(AlertCypher.FINGERPRINTS_TO_RESOLVE, Map.of("limit", limit), "fingerprint");
  }

  /**
   * Records who acknowledged an alert. A breaking schema change or a dropped, renamed or truncated dataset has no
   * recovery to wait for, so acknowledging such an alert resolves it (and its owners get the RESOLVED notice).
   */
  public Optional<Alert> acknowledge(String id, String by, @Nullable String comment, Instant now, Instant planAt) {
    Optional<String> fingerprint =
        readStrings(AlertCypher.FINGERPRINT_OF, Map.of("id", id), "fingerprint").stream().findFirst();
    if (fingerprint.isEmpty()) {
      return Optional.empty();
    }
    try (Session session = session()) {
      session.executeWriteWithoutResult(
          tx -> {
            lockExisting(tx, fingerprint.get(), now);
            Map<String, Object> params = new HashMap<>();
            params.put("id", id);
            params.put("by", by);
            params.put("comment", comment);
            params.put("now", GraphValues.time(now));
            params.put("resolvingKinds", RESOLVED_BY_ACK);
            if (!tx.run(AlertCypher.ACKNOWLEDGE, params).list().isEmpty()) {
              planBy(tx, fingerprint.get(), planAt);
            }
          });
    }
    return get(id);
  }

  public Optional<Alert> get(String id) {
    return readAlerts(AlertCypher.GET, Map.of("id", id)).stream().findFirst();
  }

  /** Alerts for the API, newest first. */
  public List<Alert> list(
      @Nullable AlertState state, @Nullable String product, @Nullable String fingerprint, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("state", state == null ? null : state.name());
    params.put("product", product);
    params.put("fingerprint", fingerprint);
    params.put("offset", offset);
    params.put("limit", limit);
    return readAlerts(AlertCypher.LIST, params);
  }

  /** Takes the series' write lock, creating the series on first sight. */
  static void lock(TransactionContext tx, String fingerprint, RootCauseKind kind, String node, Instant now) {
    tx.run(
            AlertCypher.LOCK_SERIES,
            Map.of("fingerprint", fingerprint, "now", GraphValues.time(now), "kind", kind.name(), "node", node))
        .consume();
  }

  /** Takes the write lock of a series that exists (alerts were raised under it). */
  static void lockExisting(TransactionContext tx, String fingerprint, Instant now) {
    tx.run(AlertCypher.LOCK_EXISTING, Map.of("fingerprint", fingerprint, "now", GraphValues.time(now))).consume();
  }

  static void planBy(TransactionContext tx, String fingerprint, Instant at) {
    tx.run(AlertCypher.PLAN_BY, Map.of("fingerprint", fingerprint, "at", GraphValues.time(at))).consume();
  }

  /** Alerts by id, read inside the caller's transaction. */
  static List<Alert> byIds(TransactionContext tx, List<String> ids) {
    return tx.run(AlertCypher.BY_IDS, Map.of("ids", ids)).list(r -> fromNode(r.get("a")));
  }

  /** The firing alerts of a root cause, read inside the caller's transaction. */
  static List<Alert> firing(TransactionContext tx, String fingerprint) {
    return tx.run(AlertCypher.FIRING_OF, Map.of("fingerprint", fingerprint)).list(r -> fromNode(r.get("a")));
  }

  private List<String> readStrings(String cypher, Map<String, Object> params, String column) {
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(cypher, params).list(r -> r.get(column).asString()));
    }
  }

  private List<Alert> readAlerts(String cypher, Map<String, Object> params) {
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(cypher, params).list(r -> fromNode(r.get("a"))));
    }
  }

  static Alert fromNode(Value a) {
    return new Alert(
        a.get("id").asString(),
        a.get("fingerprint").asString(),
        a.get("product").asString(),
        GraphValues.text(a.get("domain"), "unknown"),
        ProductDirectory.severity(GraphValues.text(a.get("severity"))),
        AlertRole.valueOf(a.get("role").asString()),
        AlertState.valueOf(a.get("state").asString()),
        GraphValues.instant(a.get("since")),
        GraphValues.instant(a.get("createdAt")),
        GraphValues.instant(a.get("updatedAt")),
        GraphValues.instant(a.get("resolvedAt")),
        GraphValues.text(a.get("resolvedBy")),
        GraphValues.instant(a.get("acknowledgedAt")),
        GraphValues.text(a.get("acknowledgedBy")),
        GraphValues.text(a.get("acknowledgeComment")),
        RootCauseKind.valueOf(a.get("rootCauseKind").asString()),
        a.get("rootCauseNode").asString(),
        a.get("description").asString(),
        GraphValues.stringMap(GraphValues.text(a.get("evidence"))),
        GraphValues.stringList(GraphValues.text(a.get("path"))),
        a.get("productState").asString(),
        GraphValues.text(a.get("reason")));
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }
}
