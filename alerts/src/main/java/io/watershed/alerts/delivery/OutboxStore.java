package io.watershed.alerts.delivery;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * The outbox: {@code Notification} nodes recorded in the same transaction that decides to notify, then claimed,
 * sent and marked by delivery workers. Status moves PENDING → SENDING (claimed, leased) → DELIVERED, or back to
 * PENDING after a failed attempt, or DEAD when attempts run out or the failure cannot be retried.
 */
@Singleton
public class OutboxStore {

  private final Neo4jConnection connection;

  public OutboxStore(Neo4jConnection connection) {
    this.connection = connection;
  }

  /**
   * A notification to record.
   *
   * @param seq its place among the notifications to the same recipient about the same root cause
   * @param payload the notification as JSON, see {@link NotificationCodec}
   */
  public record NewNotification(
      String id,
      String fingerprint,
      int seq,
      NotificationKind kind,
      String recipientKey,
      ChannelType routeType,
      String route,
      String display,
      List<String> alertIds,
      List<String> products,
      String payload) {}

  /** What one recipient was last told about one root cause. */
  public record LastNotice(
      String recipientKey,
      NotificationKind kind,
      int seq,
      List<String> alertIds,
      ChannelType routeType,
      String route,
      String display,
      Instant createdAt) {}

  /** A notification as the API shows it (without payload and route secrets). */
  public record OutboxView(
      String id,
      String fingerprint,
      NotificationKind kind,
      String status,
      ChannelType channel,
      String recipient,
      List<String> alertIds,
      List<String> products,
      int attempts,
      Instant createdAt,
      @Nullable Instant nextAttemptAt,
      @Nullable Instant deliveredAt,
      @Nullable String lastError) {}

  /** Records notifications inside the caller's transaction (the planner's, which also decided to send them). */
  public static void enqueue(TransactionContext tx, Collection<NewNotification> notifications, Instant now) {
    if (notifications.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (NewNotification n : notifications) {
      Map<String, Object> row = new HashMap<>();
      row.put("id", n.id());
      row.put("fingerprint", n.fingerprint());
      row.put("seq", n.seq());
      row.put("kind", n.kind().name());
      row.put("recipientKey", n.recipientKey());
      row.put("routeType", n.routeType().name());
      row.put("route", n.route());
      row.put("display", n.display());
      row.put("alertIds", n.alertIds());
      row.put("products", n.products());
      row.put("payload", n.payload());
      rows.add(row);
    }
    tx.run(OutboxCypher.ENQUEUE, Map.of("rows", rows, "now", GraphValues.time(now))).consume();
  }

  /** What each recipient was last told about a root cause, read inside the caller's transaction. */
  public static Map<String, LastNotice> lastNotices(TransactionContext tx, String fingerprint) {
    Map<String, LastNotice> out = new HashMap<>();
    tx.run(OutboxCypher.LATEST_PER_RECIPIENT, Map.of("fingerprint", fingerprint))
        .list()
        .forEach(
            r ->
                out.put(
                    r.get("key").asString(),
                    new LastNotice(
                        r.get("key").asString(),
                        NotificationKind.valueOf(r.get("kind").asString()),
                        r.get("seq").asInt(),
                        GraphValues.strings(r.get("alertIds")),
                        ChannelType.valueOf(r.get("routeType").asString()),
                        r.get("route").asString(),
                        r.get("display").asString(),
                        GraphValues.instant(r.get("createdAt")))));
    return out;
  }

  /**
   * Claims up to {@code limit} due notifications for {@code owner} until {@code leaseUntil}, none of a channel type
   * in {@code saturated}. One statement: claimed notifications are this worker's alone until the lease ends.
   */
  public List<OutboxEntry> claim(
      String owner, Instant now, Instant leaseUntil, int limit, Collection<ChannelType> saturated) {
    Map<String, Object> params = new HashMap<>();
    params.put("owner", owner);
    params.put("now", GraphValues.time(now));
    params.put("leaseUntil", GraphValues.time(leaseUntil));
    params.put("limit", limit);
    params.put("candidates", limit * 2 + 4);
    params.put("saturated", saturated.stream().map(Enum::name).toList());
    try (Session session = session()) {
      return session.executeWrite(
          tx ->
              tx.run(OutboxCypher.CLAIM, params)
                  .list(
                      r ->
                          new OutboxEntry(
                              r.get("id").asString(),
                              ChannelType.valueOf(r.get("routeType").asString()),
                              r.get("route").asString(),
                              r.get("payload").asString(),
                              r.get("attempts").asInt())));
    }
  }

  /** Marks a notification delivered; false when it was marked so already. */
  public boolean delivered(String id, String owner, Instant now) {
    return write(OutboxCypher.DELIVERED, Map.of("id", id, "owner", owner, "now", GraphValues.time(now)));
  }

  /**
   * Records a failed attempt by the lease holder: to be tried again at {@code next}, or given up (DEAD) when
   * {@code next} is null. False when this worker no longer holds the lease.
   */
  public boolean failed(String id, String owner, @Nullable Instant next, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    params.put("owner", owner);
    params.put("next", GraphValues.time(next));
    params.put("error", error);
    return write(OutboxCypher.FAILED, params);
  }

  /** Notifications for the API, newest first. */
  public List<OutboxView> list(
      @Nullable String status, @Nullable String fingerprint, @Nullable String alertId, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("status", status);
    params.put("fingerprint", fingerprint);
    params.put("alertId", alertId);
    params.put("offset", offset);
    params.put("limit", limit);
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(OutboxCypher.LIST, params).list(r -> view(r.get("n"))));
    }
  }

  private static OutboxView view(Value n) {
    return new OutboxView(
        n.get("id").asString(),
        n.get("fingerprint").asString(),
        NotificationKind.valueOf(n.get("kind").asString()),
        n.get("status").asString(),
        ChannelType.valueOf(n.get("routeType").asString()),
        n.get("display").asString(),
        GraphValues.strings(n.get("alertIds")),
        GraphValues.strings(n.get("products")),
        n.get("attempts").asInt(0),
        GraphValues.instant(n.get("createdAt")),
        GraphValues.instant(n.get("nextAttemptAt")),
        GraphValues.instant(n.get("deliveredAt")),
        GraphValues.text(n.get("lastError")));
  }

  private boolean write(String cypher, Map<String, Object> params) {
    try (Session session = session()) {
      return session.executeWrite(tx -> !tx.run(cypher, params).list().isEmpty());
    }
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }
}
