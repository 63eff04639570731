package io.watershed.alerts.alert;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.channel.AffectedProduct;
import io.watershed.alerts.channel.AlertmanagerSettings;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.delivery.DeliverySettings;
import io.watershed.alerts.delivery.NotificationCodec;
import io.watershed.alerts.delivery.OutboxSignal;
import io.watershed.alerts.delivery.OutboxStore;
import io.watershed.alerts.delivery.OutboxStore.LastNotice;
import io.watershed.alerts.delivery.OutboxStore.NewNotification;
import io.watershed.alerts.rootcause.RootCauseKey;
import io.watershed.alerts.routing.ProductDirectory;
import io.watershed.alerts.routing.ProductDirectory.ProductInfo;
import io.watershed.alerts.routing.RouteSpec;
import io.watershed.alerts.silence.Silence;
import io.watershed.alerts.silence.SilenceStore;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups alerts into notifications: for each root cause (fingerprint) and each recipient (a route of an affected
 * product's contract), at most one notification at a time, listing every product of that recipient it concerns.
 *
 * <p>Each recipient's last notification about a root cause is the memory: a recipient not told yet (or told it was
 * over) gets FIRING when one of its products is hit directly, else UPSTREAM_AT_RISK; a recipient told already hears
 * again only when more of its products are hit or an at-risk product is now hit directly (unless acknowledged);
 * RESOLVED follows once none of the products it was told about is firing. Silenced alerts wait until the silence
 * ends. Alertmanager routes get active alerts re-posted before they expire there.
 *
 * <p>A plan runs in one transaction under the series lock and records the notifications in the outbox in that same
 * transaction, so a decision and its notifications commit together, once, whichever replica plans.
 */
@Singleton
public class NotificationPlanner {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationPlanner.class);

  // Root causes whose notifications are due.
  private static final String DUE =
      """
      MATCH (s:AlertSeries) WHERE s.needsPlanAt <= $now
      RETURN s.fingerprint AS fingerprint ORDER BY s.needsPlanAt LIMIT $limit
      """;

  // When a series wants planning (read after taking its lock).
  private static final String NEEDS_PLAN_AT =
      """
      MATCH (s:AlertSeries {fingerprint: $fingerprint}) RETURN s.needsPlanAt AS at
      """;

  // When to plan a series next (null: when something changes).
  private static final String SET_NEXT =
      """
      MATCH (s:AlertSeries {fingerprint: $fingerprint}) SET s.needsPlanAt = $next
      """;

  private static final int BATCH = 100;

  private final Neo4jConnection connection;
  private final NotificationFactory factory;
  private final OutboxSignal signal;
  private final InstantSource clock;
  private final Duration repost;

  public NotificationPlanner(
      Neo4jConnection connection,
      NotificationFactory factory,
      DeliverySettings delivery,
      AlertmanagerSettings alertmanager,
      OutboxSignal signal,
      InstantSource clock) {
    this.connection = connection;
    this.factory = factory;
    this.signal = signal;
    this.clock = clock;
    this.repost =
        delivery.alertmanagerRepost() != null ? delivery.alertmanagerRepost() : alertmanager.firingTtl().dividedBy(4);
  }

  /** Plans every due root cause; returns how many notifications were recorded. */
  public int planDue() {
    Instant now = clock.instant();
    List<String> due;
    try (Session session = session()) {
      due = session.executeRead(
          tx -> tx.run(DUE, Map.of("now", GraphValues.time(now), "limit", BATCH))
              .list(r -> r.get("fingerprint").asString()));
    }
    int recorded = 0;
    for (String fingerprint : due) {
      recorded += plan(fingerprint);
    }
    if (recorded > 0) {
      signal.signal();
    }
    return recorded;
  }

  /** Plans one root cause if it is due; returns how many notifications were recorded. */
  public int plan(String fingerprint) {
    try (Session session = session()) {
      return session.executeWrite(tx -> plan(tx, fingerprint, clock.instant()));
    }
  }

  private int plan(TransactionContext tx, String fingerprint, Instant now) {
    AlertStore.lockExisting(tx, fingerprint, now);
    List<Record> rows = tx.run(NEEDS_PLAN_AT, Map.of("fingerprint", fingerprint)).list();
    Instant dueAt = rows.isEmpty() ? null : GraphValues.instant(rows.get(0).get("at"));
    if (dueAt == null || dueAt.isAfter(now)) {
      return 0; // another replica planned it meanwhile
    }
    List<Alert> firing = AlertStore.firing(tx, fingerprint);
    Map<String, LastNotice> lastNotices = OutboxStore.lastNotices(tx, fingerprint);
    Map<String, Alert> alerts = new LinkedHashMap<>();
    firing.forEach(a -> alerts.put(a.id(), a));
    Set<String> told = new HashSet<>();
    lastNotices.values().stream().filter(l -> l.kind() != NotificationKind.RESOLVED).forEach(l -> told.addAll(l.alertIds()));
    told.removeAll(alerts.keySet());
    if (!told.isEmpty()) {
      AlertStore.byIds(tx, List.copyOf(told)).forEach(a -> alerts.put(a.id(), a));
    }
    Map<String, ProductInfo> products =
        ProductDirectory.lookup(tx, alerts.values().stream().map(Alert::product).distinct().toList());
    List<Silence> silences = SilenceStore.active(tx, now);

    Map<String, Recipient> recipients = new LinkedHashMap<>();
    for (Alert a : firing) {
      ProductInfo info = products.get(a.product());
      for (RouteSpec route : info == null ? List.<RouteSpec>of() : info.routes()) {
        recipients.computeIfAbsent(route.key(), k -> new Recipient(route)).alerts.add(a);
      }
    }
    for (LastNotice last : lastNotices.values()) {
      if (last.kind() != NotificationKind.RESOLVED) {
        recipients.computeIfAbsent(last.recipientKey(),
            k -> new Recipient(new RouteSpec(last.routeType(), last.recipientKey(), last.route(), last.display())));
      }
    }

    List<NewNotification> out = new ArrayList<>();
    Instant next = null;
    for (Recipient r : recipients.values()) {
      Decision d = decide(r, lastNotices.get(r.route.key()), alerts, silences, now);
      if (d.kind != null) {
        out.add(notification(fingerprint, r.route, lastNotices.get(r.route.key()), d, products, now));
      }
      next = earliest(next, d.next);
    }
    OutboxStore.enqueue(tx, out, now);
    Map<String, Object> params = new HashMap<>();
    params.put("fingerprint", fingerprint);
    params.put("next", GraphValues.time(next));
    tx.run(SET_NEXT, params).consume();
    if (!out.isEmpty()) {
      LOG.info("Recorded {} notification(s) for root cause {}", out.size(), fingerprint);
    }
    return out.size();
  }

  /** One recipient's alerts of this root cause. */
  private static final class Recipient {
    final RouteSpec route;
    final List<Alert> alerts = new ArrayList<>();

    Recipient(RouteSpec route) {
      this.route = route;
    }
  }

  /** What to send to one recipient (nothing when {@code kind} is null) and when to look again. */
  private record Decision(@Nullable NotificationKind kind, List<Alert> about, @Nullable Instant next) {}

  private Decision decide(
      Recipient r, @Nullable LastNotice last, Map<String, Alert> alerts, List<Silence> silences, Instant now) {
    List<Alert> active = new ArrayList<>();
    Instant silenceEnds = null;
    for (Alert a : r.alerts) {
      Instant ends = silencedUntil(a, silences);
      if (ends == null) {
        active.add(a);
      } else {
        silenceEnds = earliest(silenceEnds, ends);
      }
    }
    boolean lastOpen = last != null && last.kind() != NotificationKind.RESOLVED;
    boolean alertmanager = r.route.type() == ChannelType.ALERTMANAGER;
    if (!active.isEmpty()) {
      boolean direct = active.stream().anyMatch(a -> a.role() == AlertRole.DIRECT);
      NotificationKind desired = direct ? NotificationKind.FIRING : NotificationKind.UPSTREAM_AT_RISK;
      boolean send;
      if (!lastOpen) {
        send = true;
      } else {
        boolean grew = !last.alertIds().containsAll(active.stream().map(Alert::id).toList());
        boolean escalate = desired == NotificationKind.FIRING && last.kind() == NotificationKind.UPSTREAM_AT_RISK
            && active.stream().anyMatch(a -> a.role() == AlertRole.DIRECT && !a.acknowledged());
        boolean repostDue = alertmanager && !last.createdAt().plus(repost).isAfter(now);
        send = grew || escalate || repostDue;
      }
      Instant next = silenceEnds;
      if (alertmanager) {
        next = earliest(next, (send ? now : last.createdAt()).plus(repost));
      }
      return new Decision(send ? desired : null, active, next);
    }
    if (lastOpen && silenceEnds == null) {
      List<Alert> toldAbout = last.alertIds().stream().map(alerts::get).filter(Objects::nonNull).toList();
      if (!toldAbout.isEmpty()) {
        return new Decision(NotificationKind.RESOLVED, toldAbout, null);
      }
    }
    return new Decision(null, List.of(), silenceEnds);
  }

  @Nullable
  private static Instant silencedUntil(Alert a, List<Silence> silences) {
    Instant until = null;
    for (Silence s : silences) {
      if (s.matches(a.product(), a.fingerprint(), a.rootCauseNode())) {
        until = until == null || s.endsAt().isAfter(until) ? s.endsAt() : until;
      }
    }
    return until;
  }

  private NewNotification notification(
      String fingerprint,
      RouteSpec route,
      @Nullable LastNotice last,
      Decision d,
      Map<String, ProductInfo> products,
      Instant now) {
    int seq = last == null ? 1 : last.seq() + 1;
    // Stable for every retry of this notification, unique per recipient and step: receivers dedup on it.
    String id = fingerprint + ":" + RootCauseKey.hash(route.key()).substring(0, 8) + ":" + seq + ":"
        + d.kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Notification n = factory.build(id, d.kind, d.about, products, now);
    return new NewNotification(
        id,
        fingerprint,
        seq,
        d.kind,
        route.key(),
        route.type(),
        route.json(),
        route.display(),
        d.about.stream().map(Alert::id).sorted().toList(),
        n.affectedProducts().stream().map(AffectedProduct::name).toList(),
        NotificationCodec.write(n));
  }

  @Nullable
  private static Instant earliest(@Nullable Instant a, @Nullable Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }
}
