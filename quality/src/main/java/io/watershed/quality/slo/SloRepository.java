package io.watershed.quality.slo;

import static io.watershed.quality.GraphValues.instant;
import static io.watershed.quality.GraphValues.time;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.quality.GraphValues;
import io.watershed.quality.evaluation.Evaluation;
import io.watershed.quality.evaluation.SloState;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Records evaluations as state history: a product's state changes open a new {@code SloInterval} and close the
 * previous one, in the same transaction that updates the product, so the history and the current state never
 * disagree. Only the evaluation thread writes here.
 */
@Singleton
public class SloRepository {

  /** At most this many intervals are returned for one window; a product flapping more than that is summarized. */
  public static final int MAX_INTERVALS = 10_000;

  // The product (if still active) and its open interval.
  static final String OPEN =
      """
      MATCH (p:DataProduct {name: $name}) WHERE p.deletedAt IS NULL
      OPTIONAL MATCH (p)-[:HAD_STATE]->(i:SloInterval) WHERE i.to IS NULL
      RETURN p.activeSince AS activeSince, i.from AS from, i.state AS state, i.reasons AS reasons
      """;

  // The verdict of the latest evaluation, on the product.
  static final String UPDATE_PRODUCT =
      """
      MATCH (p:DataProduct {name: $name})
      SET p.state = $state, p.stateReasons = $reasons, p.evaluatedAt = $now, p.nextDeadline = $nextDeadline,
          p.stateSince = coalesce($since, p.stateSince)
      """;

  // Keeps the reasons seen during the open interval.
  static final String UPDATE_OPEN_REASONS =
      """
      MATCH (i:SloInterval {product: $name, from: $from}) SET i.reasons = $reasons
      """;

  // Replaces the state of an interval that has not lasted any time yet (two changes at the same instant).
  static final String REPLACE_OPEN =
      """
      MATCH (i:SloInterval {product: $name, from: $from}) SET i.state = $state, i.reasons = $reasons
      """;

  // Ends the open interval and starts the next one.
  static final String TRANSITION =
      """
      MATCH (p:DataProduct {name: $name})
      CALL (p) { MATCH (p)-[:HAD_STATE]->(old:SloInterval) WHERE old.to IS NULL SET old.to = $at }
      CREATE (i:SloInterval {product: $name, from: $at, state: $state, reasons: $reasons})
      CREATE (p)-[:HAD_STATE]->(i)
      """;

  // A product's intervals overlapping [from, to], oldest first.
  static final String INTERVALS =
      """
      MATCH (i:SloInterval) WHERE i.product = $name AND i.from <= $to AND (i.to IS NULL OR i.to > $from)
      RETURN i.from AS from, i.to AS to, i.state AS state, i.reasons AS reasons
      ORDER BY i.from LIMIT $limit
      """;

  // Products whose next freshness deadline has passed.
  static final String DUE =
      """
      MATCH (p:DataProduct) WHERE p.nextDeadline < $now RETURN p.name AS name
      """;

  private final Neo4jConnection connection;

  public SloRepository(Neo4jConnection connection) {
    this.connection = connection;
  }

  /**
   * Stores an evaluation's verdict; returns the transition when the state changed. Nothing is written for a product
   * deleted in the meantime.
   */
  public Optional<Transition> record(Evaluation e) {
    try (Session session = session()) {
      return session.executeWrite(tx -> record(tx, e));
    }
  }

  private static Optional<Transition> record(TransactionContext tx, Evaluation e) {
    List<Record> rows = tx.run(OPEN, Map.of("name", e.product())).list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Record open = rows.get(0);
    Instant now = e.at();
    Instant openFrom = instant(open.get("from"));
    SloState openState = open.get("state").isNull() ? null : SloState.valueOf(open.get("state").asString());
    List<String> reasons = e.reasonTexts();
    Map<String, Object> product = new HashMap<>();
    product.put("name", e.product());
    product.put("state", e.state().name());
    product.put("reasons", GraphValues.json(reasons));
    product.put("now", time(now));
    product.put("nextDeadline", time(e.nextDeadline()));
    if (openState == e.state()) {
      Set<String> seen = new LinkedHashSet<>(GraphValues.stringList(open.get("reasons")));
      seen.addAll(reasons);
      tx.run(UPDATE_OPEN_REASONS, Map.of("name", e.product(), "from", time(openFrom),
          "reasons", GraphValues.json(List.copyOf(seen)))).consume();
      product.put("since", null);
      tx.run(UPDATE_PRODUCT, product).consume();
      return Optional.empty();
    }
    Instant lowerBound = openFrom != null ? openFrom : instant(open.get("activeSince"));
    Instant at = e.state() == SloState.OUT_OF_SLO && e.violatedSince() != null ? e.violatedSince() : now;
    if (lowerBound != null && at.isBefore(lowerBound)) {
      at = lowerBound;
    }
    if (at.isAfter(now)) {
      at = now;
    }
    Map<String, Object> interval = new HashMap<>();
    interval.put("name", e.product());
    interval.put("state", e.state().name());
    interval.put("reasons", GraphValues.json(reasons));
    if (openFrom != null && at.equals(openFrom)) {
      interval.put("from", time(openFrom));
      tx.run(REPLACE_OPEN, interval).consume();
    } else {
      interval.put("at", time(at));
      tx.run(TRANSITION, interval).consume();
    }
    product.put("since", time(at));
    tx.run(UPDATE_PRODUCT, product).consume();
    return Optional.of(new Transition(e.product(), openState == null ? SloState.UNKNOWN : openState, e.state(), at,
        reasons));
  }

  /** The product's intervals overlapping {@code [from, to]}, oldest first. */
  public List<SloInterval> intervals(String product, Instant from, Instant to) {
    try (Session session = session()) {
      return session.executeRead(
          tx -> tx.run(INTERVALS, Map.of("name", product, "from", time(from), "to", time(to), "limit", MAX_INTERVALS))
              .list(r -> new SloInterval(instant(r.get("from")), instant(r.get("to")),
                  SloState.valueOf(r.get("state").asString()), GraphValues.stringList(r.get("reasons")))));
    }
  }

  /** Names of products whose next freshness deadline is before {@code now}. */
  public List<String> due(Instant now) {
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(DUE, Map.of("now", time(now))).list(r -> r.get("name").asString()));
    }
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }
}
