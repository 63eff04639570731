package io.watershed.alerts.silence;

import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** Stores {@code Silence} nodes. */
@Singleton
public class SilenceStore {

  // Records a silence.
  private static final String CREATE =
      """
      CREATE (s:Silence {id: $id, product: $product, fingerprint: $fingerprint, rootCauseNode: $rootCauseNode,
                         startsAt: $startsAt, endsAt: $endsAt, createdBy: $createdBy, comment: $comment,
                         createdAt: $createdAt})
      """;

  // Silences in effect now.
  private static final String ACTIVE =
      """
      MATCH (s:Silence) WHERE s.endsAt > $now AND s.startsAt <= $now RETURN s
      """;

  // Silences not yet ended (active or future), or all of them, newest first.
  private static final String LIST =
      """
      MATCH (s:Silence) WHERE $all OR s.endsAt > $now
      RETURN s ORDER BY s.createdAt DESC, s.id SKIP $offset LIMIT $limit
      """;

  // Ends a silence now (if it has not ended yet); the node stays, for the record.
  private static final String EXPIRE =
      """
      MATCH (s:Silence {id: $id})
      SET s.endsAt = CASE WHEN s.endsAt > $now THEN $now ELSE s.endsAt END,
          s.startsAt = CASE WHEN s.startsAt > $now THEN $now ELSE s.startsAt END
      RETURN s
      """;

  // Asks the planner to look at every root cause with firing alerts (a silence ended: what it held back may go).
  private static final String REPLAN_FIRING =
      """
      MATCH (s:AlertSeries) WHERE EXISTS { (s)-[:HAS_ALERT]->(:Alert {state: 'FIRING'}) }
      SET s.needsPlanAt = CASE WHEN s.needsPlanAt IS NULL OR s.needsPlanAt > $now THEN $now ELSE s.needsPlanAt END
      """;

  private final Neo4jConnection connection;

  public SilenceStore(Neo4jConnection connection) {
    this.connection = connection;
  }

  public Silence create(Silence silence) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", silence.id());
    params.put("product", silence.product());
    params.put("fingerprint", silence.fingerprint());
    params.put("rootCauseNode", silence.rootCauseNode());
    params.put("startsAt", GraphValues.time(silence.startsAt()));
    params.put("endsAt", GraphValues.time(silence.endsAt()));
    params.put("createdBy", silence.createdBy());
    params.put("comment", silence.comment());
    params.put("createdAt", GraphValues.time(silence.createdAt()));
    try (Session session = session()) {
      session.executeWriteWithoutResult(tx -> tx.run(CREATE, params).consume());
    }
    return silence;
  }

  public List<Silence> list(boolean includeEnded, Instant now, int offset, int limit) {
    Map<String, Object> params =
        Map.of("all", includeEnded, "now", GraphValues.time(now), "offset", offset, "limit", limit);
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(LIST, params).list(r -> fromNode(r.get("s"))));
    }
  }

  /** Ends a silence now; alerts it held back are planned again. Empty when there is no such silence. */
  public Optional<Silence> expire(String id, Instant now) {
    try (Session session = session()) {
      return session.executeWrite(
          tx -> {
            List<Silence> found =
                tx.run(EXPIRE, Map.of("id", id, "now", GraphValues.time(now))).list(r -> fromNode(r.get("s")));
            if (!found.isEmpty()) {
              tx.run(REPLAN_FIRING, Map.of("now", GraphValues.time(now))).consume();
            }
            return found.stream().findFirst();
          });
    }
  }

  /** Silences in effect at {@code now}, read inside the caller's transaction. */
  public static List<Silence> active(TransactionContext tx, Instant now) {
    return tx.run(ACTIVE, Map.of("now", GraphValues.time(now))).list(r -> fromNode(r.get("s")));
  }

  private static Silence fromNode(Value s) {
    return new Silence(
        s.get("id").asString(),
        GraphValues.text(s.get("product")),
        GraphValues.text(s.get("fingerprint")),
        GraphValues.text(s.get("rootCauseNode")),
        GraphValues.instant(s.get("startsAt")),
        GraphValues.instant(s.get("endsAt")),
        s.get("createdBy").asString(),
        GraphValues.text(s.get("comment")),
        GraphValues.instant(s.get("createdAt")));
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }
}
