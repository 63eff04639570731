package io.watershed.alerts.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.watershed.alerts.alert.Alert;
import io.watershed.alerts.alert.AlertEngine;
import io.watershed.alerts.alert.AlertState;
import io.watershed.alerts.alert.AlertStore;
import io.watershed.alerts.alert.AlertsSettings;
import io.watershed.alerts.alert.NotificationFactory;
import io.watershed.alerts.alert.NotificationPlanner;
import io.watershed.alerts.alert.ProblemAnalyzer;
import io.watershed.alerts.change.ChangeDetector;
import io.watershed.alerts.change.ChangeReconciler;
import io.watershed.alerts.change.ChangeStore;
import io.watershed.alerts.change.SchemaHistory;
import io.watershed.alerts.channel.AlertmanagerSettings;
import io.watershed.alerts.channel.ChannelRegistry;
import io.watershed.alerts.channel.NotificationChannel;
import io.watershed.alerts.delivery.Backoff;
import io.watershed.alerts.delivery.DeliveryMetrics;
import io.watershed.alerts.delivery.DeliverySettings;
import io.watershed.alerts.delivery.DeliveryWorker;
import io.watershed.alerts.delivery.OutboxSignal;
import io.watershed.alerts.delivery.OutboxStore;
import io.watershed.alerts.routing.RouteResolver;
import io.watershed.alerts.silence.SilenceStore;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.impact.ImpactAnalysis;
import io.watershed.graph.impact.RootCauseAnalysis;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.Session;

/**
 * The alert engine wired by hand against the shared test database, on a clock the test moves: detection, alerts,
 * planning and the outbox, with whatever channels the test gives. Group wait is zero unless a test asks otherwise.
 */
public final class AlertsHarness {

  public final MutableClock clock;
  public final Neo4jConnection connection;
  public final AlertsSettings settings;
  public final DeliverySettings delivery;
  public final LineageWriter writer;
  public final ChangeStore changes;
  public final AlertStore alerts;
  public final AlertEngine engine;
  public final NotificationPlanner planner;
  public final OutboxStore outbox;
  public final SilenceStore silences;
  /** The meters of every worker this harness makes. */
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ChannelRegistry channels;
  private final DeliveryMetrics deliveryMetrics;
  private final RouteResolver routes;

  public AlertsHarness(Instant start, List<NotificationChannel> channels, Map<String, String> secrets) {
    this(start, channels, secrets, DeliverySettings.defaults());
  }

  public AlertsHarness(
      Instant start, List<NotificationChannel> channels, Map<String, String> secrets, DeliverySettings delivery) {
    this.clock = new MutableClock(start);
    this.connection = AlertsDatabase.connection();
    this.settings = AlertsSettings.defaults().withGroupWait(Duration.ZERO);
    this.delivery = delivery;
    this.writer = new LineageWriter(connection);
    this.changes = new ChangeStore(connection);
    this.alerts = new AlertStore(connection);
    ProblemAnalyzer analyzer =
        new ProblemAnalyzer(new ImpactAnalysis(connection), new RootCauseAnalysis(connection), settings);
    this.engine =
        new AlertEngine(new ChangeDetector(new SchemaHistory(connection)), changes, new ChangeReconciler(connection),
            analyzer, alerts, settings, clock);
    this.planner =
        new NotificationPlanner(connection, new NotificationFactory("https://watershed.test", settings), delivery,
            AlertmanagerSettings.defaults(), new OutboxSignal(), clock);
    this.outbox = new OutboxStore(connection);
    this.silences = new SilenceStore(connection);
    this.channels = new ChannelRegistry(channels);
    this.deliveryMetrics = new DeliveryMetrics(meters, this.channels);
    this.routes = new RouteResolver(secrets::get);
  }

  /** Writes events to the graph, then tells the engine, as the ingest writer and listener do. */
  public void ingest(LineageEvent... events) {
    List<LineageEvent> batch = List.of(events);
    writer.write(batch);
    engine.onLineage(batch);
  }

  /** A delivery worker of its own name (a replica), with seeded jitter. */
  public DeliveryWorker worker(String id) {
    return new DeliveryWorker(outbox, channels, routes, delivery,
        new Backoff(delivery.initialBackoff(), delivery.maxBackoff(), new Random(42)), clock, deliveryMetrics, id);
  }

  public List<Alert> alerts(AlertState state) {
    return alerts.list(state, null, null, 0, 1000);
  }

  /** One recorded notification, as the outbox holds it. */
  public record Recorded(
      String id, String kind, String recipientKey, String status, List<String> products, List<String> alertIds,
      String payload, int attempts) {}

  /** Every notification in the outbox, oldest first. */
  public List<Recorded> notifications() {
    try (Session session = connection.driver().session()) {
      return session.run(
              """
              MATCH (n:Notification)
              RETURN n.id AS id, n.kind AS kind, n.recipientKey AS key, n.status AS status, n.products AS products,
                     n.alertIds AS alertIds, n.payload AS payload, n.attempts AS attempts
              ORDER BY n.createdAt, n.id
              """)
          .list(r -> new Recorded(r.get("id").asString(), r.get("kind").asString(), r.get("key").asString(),
              r.get("status").asString(), GraphValues.strings(r.get("products")),
              GraphValues.strings(r.get("alertIds")), r.get("payload").asString(), r.get("attempts").asInt()));
    }
  }
}
