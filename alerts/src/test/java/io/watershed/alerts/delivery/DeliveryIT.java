package io.watershed.alerts.delivery;

import static io.watershed.alerts.testing.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.watershed.alerts.channel.AlertmanagerChannel;
import io.watershed.alerts.channel.AlertmanagerSettings;
import io.watershed.alerts.channel.ChannelHttpClient;
import io.watershed.alerts.channel.EmailChannel;
import io.watershed.alerts.channel.EmailSettings;
import io.watershed.alerts.channel.HttpChannelSettings;
import io.watershed.alerts.channel.NotificationChannel;
import io.watershed.alerts.channel.NotificationRenderer;
import io.watershed.alerts.channel.RecordingHttpServer;
import io.watershed.alerts.channel.RecordingHttpServer.Recorded;
import io.watershed.alerts.channel.SlackChannel;
import io.watershed.alerts.channel.WebhookChannel;
import io.watershed.alerts.channel.WebhookSignature;
import io.watershed.alerts.delivery.DeliveryWorker.Outcome;
import io.watershed.alerts.testing.AlertsHarness;
import io.watershed.alerts.testing.DeliveryCounts;
import io.watershed.graph.testing.GraphFixture;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox end to end: alerts planned into Notification nodes, then claimed and sent by workers through the real
 * channels to real receivers (HTTP servers on loopback ports, GreenMail for SMTP).
 */
@ExtendWith(Neo4jExtension.class)
class DeliveryIT {

  private static final String NS = "bigquery";
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);
  private static final String SECRET = "0123456789abcdef0123456789abcdef";
  private static final HttpChannelSettings FAST = new HttpChannelSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1024);

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private RecordingHttpServer receiver;
  private AlertsHarness h;
  private GraphFixture g;

  @BeforeEach
  void setUp(TestNeo4j neo4j) {
    receiver = RecordingHttpServer.start();
    g = new GraphFixture(neo4j.driver(), NS);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private void start(DeliverySettings delivery) {
    h = new AlertsHarness(T0.plusMinutes(1).toInstant(), channels(), Map.of("HOOK_SECRET", SECRET), delivery);
    h.writer.write(List.of(run(NS, "etl.load", "r0", "COMPLETE", T0.minusDays(1)).output("shop.orders").build()));
  }

  private List<NotificationChannel> channels() {
    // Channels on the system clock: the webhook signature is checked against real time by the receiver side.
    Clock clock = Clock.systemUTC();
    ChannelHttpClient http = new ChannelHttpClient(FAST, clock);
    NotificationRenderer renderer = new NotificationRenderer();
    EmailSettings email = new EmailSettings("127.0.0.1", SMTP.getSmtp().getPort(), EmailSettings.Security.NONE, null,
        null, "Watershed <watershed@corp.test>", Duration.ofSeconds(2), Duration.ofSeconds(5));
    return List.of(
        new WebhookChannel(http, clock),
        new SlackChannel(http, renderer),
        new AlertmanagerChannel(http, renderer, AlertmanagerSettings.defaults(), clock),
        new EmailChannel(email, renderer, clock));
  }

  private void product(String name, String routes) {
    g.product(name).domain("sales").owner("team-" + name).exposes("shop.orders").routes(routes).build();
  }

  private void failAndPlan() {
    h.ingest(run(NS, "etl.load", "r1", "FAIL", T0).output("shop.orders").error("disk full").build());
    h.planner.planDue();
  }

  @Test
  void shouldDeliverEachChannelOnceToARealReceiverAndTheResolveAfterRecovery() throws Exception {
    start(DeliverySettings.defaults());
    product("orders", "["
        + "{\"type\":\"webhook\",\"url\":\"" + receiver.uri("/hook") + "\",\"secretEnv\":\"HOOK_SECRET\"},"
        + "{\"type\":\"slack\",\"webhookUrl\":\"" + receiver.uri("/slack") + "\"},"
        + "{\"type\":\"alertmanager\",\"url\":\"" + receiver.uri("/am") + "\"},"
        + "{\"type\":\"email\",\"to\":[\"orders-team@corp.test\"]}]");
    failAndPlan();

    List<Outcome> outcomes = h.worker("w1").drain(10);

    assertThat(outcomes).containsExactly(Outcome.DELIVERED, Outcome.DELIVERED, Outcome.DELIVERED, Outcome.DELIVERED);
    assertThat(h.notifications()).extracting(AlertsHarness.Recorded::status).containsOnly("DELIVERED");
    Map<String, List<Recorded>> byPath = receiver.requests().stream().collect(Collectors.groupingBy(Recorded::path));
    assertThat(byPath.keySet()).containsExactlyInAnyOrder("/hook", "/slack", "/am/api/v2/alerts");
    Recorded hook = byPath.get("/hook").get(0);
    assertThat(hook.header("X-Watershed-Event")).isEqualTo("firing");
    assertThat(WebhookSignature.verify(SECRET, hook.header("X-Watershed-Timestamp"), hook.bodyText(),
        hook.header("X-Watershed-Signature"), Instant.now())).isTrue();
    assertThat(hook.bodyText()).contains("\"node\":\"job:bigquery:etl.load\"", "disk full", "\"name\":\"orders\"");
    assertThat(byPath.get("/slack").get(0).bodyText()).contains("etl.load failed");
    assertThat(byPath.get("/am/api/v2/alerts").get(0).bodyText()).contains("\"root_cause_kind\":\"run_failed\"");
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getSubject()).isEqualTo("[FIRING][WARNING] orders: etl.load failed");

    h.ingest(run(NS, "etl.load", "r2", "COMPLETE", T0.plusHours(2)).output("shop.orders").build());
    h.planner.planDue();
    assertThat(h.worker("w1").drain(10)).hasSize(4).containsOnly(Outcome.DELIVERED);

    assertThat(receiver.requests()).hasSize(6);
    assertThat(receiver.requests().stream().filter(r -> r.path().equals("/hook")).toList())
        .extracting(r -> r.header("X-Watershed-Event")).containsExactly("firing", "resolved");
    assertThat(SMTP.getReceivedMessages()).hasSize(2);
    assertThat(SMTP.getReceivedMessages()[1].getSubject()).startsWith("[RESOLVED]");
    assertThat(h.worker("w1").drain(10)).as("nothing is sent twice").isEmpty();
  }

  @Test
  void shouldRetryWithBackoffUnderTheSameIdUntilTheReceiverAccepts() {
    start(DeliverySettings.defaults());
    product("orders", "[{\"type\":\"webhook\",\"url\":\"" + receiver.uri("/hook") + "\",\"secretEnv\":\"HOOK_SECRET\"}]");
    failAndPlan();
    receiver.replyWith(503, Map.of("Retry-After", "30"), "busy");
    DeliveryWorker worker = h.worker("w1");

    assertThat(worker.drain(10)).containsExactly(Outcome.RETRY_SCHEDULED);
    assertThat(h.notifications().get(0).status()).isEqualTo("PENDING");
    assertThat(worker.drain(10)).as("not due before its backoff").isEmpty();
    h.clock.advance(Duration.ofSeconds(29));
    assertThat(worker.drain(10)).as("Retry-After is a floor").isEmpty();

    receiver.replyWith(200, Map.of(), "ok");
    h.clock.advance(Duration.ofSeconds(2));
    assertThat(worker.drain(10)).containsExactly(Outcome.DELIVERED);

    List<Recorded> requests = receiver.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).header("X-Watershed-Delivery")).isEqualTo(requests.get(1).header("X-Watershed-Delivery"))
        .isEqualTo(h.notifications().get(0).id());
    assertThat(h.notifications().get(0).attempts()).isEqualTo(2);
  }

  @Test
  void shouldGiveUpOnRejectionsAtOnceAndOnOtherFailuresAfterMaxAttempts() {
    start(new DeliverySettings("w", Duration.ofSeconds(1), 4, 2, Duration.ofMinutes(2), 3, Duration.ofSeconds(1),
        Duration.ofSeconds(4), null));
    product("rejected", "[{\"type\":\"slack\",\"webhookUrl\":\"" + receiver.uri("/gone") + "\"}]");
    product("unsigned", "[{\"type\":\"webhook\",\"url\":\"" + receiver.uri("/hook") + "\",\"secretEnv\":\"NOT_SET\"}]");
    product("down", "[{\"type\":\"alertmanager\",\"url\":\"" + RecordingHttpServer.closedPortUri("") + "\"}]");
    failAndPlan();
    receiver.replyWith(410, Map.of(), "channel_is_archived");
    DeliveryWorker worker = h.worker("w1");

    List<Outcome> first = worker.drain(10);
    assertThat(first).containsExactlyInAnyOrder(Outcome.DEAD, Outcome.DEAD, Outcome.RETRY_SCHEDULED);
    for (int attempt = 2; attempt <= 3; attempt++) {
      h.clock.advance(Duration.ofSeconds(10));
      assertThat(worker.drain(10)).hasSize(1);
    }

    Map<String, AlertsHarness.Recorded> byProduct = h.notifications().stream()
        .collect(Collectors.toMap(n -> n.products().get(0), Function.identity()));
    assertThat(byProduct.values()).extracting(AlertsHarness.Recorded::status).containsOnly("DEAD");
    assertThat(byProduct.get("down").attempts()).isEqualTo(3);
    assertThat(byProduct.get("rejected").attempts()).isEqualTo(1);
    assertThat(h.outbox.list("DEAD", null, null, 0, 10)).extracting(OutboxStore.OutboxView::lastError)
        .anySatisfy(e -> assertThat(e).startsWith("MISCONFIGURED").contains("NOT_SET"))
        .anySatisfy(e -> assertThat(e).startsWith("REJECTED"))
        .anySatisfy(e -> assertThat(e).startsWith("CONNECTION_FAILED"));
    assertThat(receiver.requests()).extracting(Recorded::path).containsExactly("/gone");
    assertThat(DeliveryCounts.nonZeroAttempts(h.meters)).isEqualTo(Map.of(
        "slack/dead", 1.0, "webhook/dead", 1.0, "alertmanager/retry", 2.0, "alertmanager/dead", 1.0));
    assertThat(DeliveryCounts.sends(h.meters)).as("the webhook without its secret was never sent")
        .isEqualTo(Map.of("slack", 1L, "webhook", 0L, "alertmanager", 3L, "email", 0L));
  }

  @Test
  void shouldCountEveryAttemptByChannelAndOutcome() {
    start(new DeliverySettings("w", Duration.ofSeconds(1), 4, 2, Duration.ofMinutes(2), 2, Duration.ofSeconds(1),
        Duration.ofSeconds(4), null));
    assertThat(DeliveryCounts.attempts(h.meters)).as("every configured channel's series, before anything is sent")
        .hasSize(16).allSatisfy((series, count) -> assertThat(count).isZero());
    try (RecordingHttpServer archived = RecordingHttpServer.start()) {
      archived.replyWith(410, Map.of(), "channel_is_archived");
      product("orders", "["
          + "{\"type\":\"webhook\",\"url\":\"" + receiver.uri("/hook") + "\",\"secretEnv\":\"HOOK_SECRET\"},"
          + "{\"type\":\"email\",\"to\":[\"orders-team@corp.test\"]},"
          + "{\"type\":\"slack\",\"webhookUrl\":\"" + archived.uri("/gone") + "\"},"
          + "{\"type\":\"alertmanager\",\"url\":\"" + RecordingHttpServer.closedPortUri("") + "\"}]");
      failAndPlan();
      DeliveryWorker worker = h.worker("w1");

      assertThat(worker.drain(10)).hasSize(4);
      assertThat(DeliveryCounts.nonZeroAttempts(h.meters)).isEqualTo(Map.of(
          "webhook/delivered", 1.0, "email/delivered", 1.0, "slack/dead", 1.0, "alertmanager/retry", 1.0));

      h.clock.advance(Duration.ofSeconds(10));
      assertThat(worker.drain(10)).containsExactly(Outcome.DEAD);
      assertThat(DeliveryCounts.nonZeroAttempts(h.meters)).isEqualTo(Map.of(
          "webhook/delivered", 1.0, "email/delivered", 1.0, "slack/dead", 1.0, "alertmanager/retry", 1.0,
          "alertmanager/dead", 1.0));
      assertThat(DeliveryCounts.attempts(h.meters)).as("no series beyond the configured channels' outcomes")
          .hasSize(16);
      assertThat(DeliveryCounts.sends(h.meters))
          .isEqualTo(Map.of("webhook", 1L, "email", 1L, "slack", 1L, "alertmanager", 2L));
      assertThat(h.notifications()).extracting(AlertsHarness.Recorded::status)
          .containsExactlyInAnyOrder("DELIVERED", "DELIVERED", "DEAD", "DEAD");
      assertThat(SMTP.getReceivedMessages()).hasSize(1);
      assertThat(receiver.requests()).hasSize(1);
      assertThat(archived.requests()).hasSize(1);
    }
  }

  @Test
  void shouldDeliverToWorkingChannelsWhileADeadOneBacksOff() {
    start(DeliverySettings.defaults());
    product("orders", "[{\"type\":\"webhook\",\"url\":\"" + RecordingHttpServer.closedPortUri("/hook")
        + "\",\"secretEnv\":\"HOOK_SECRET\"},{\"type\":\"email\",\"to\":[\"orders-team@corp.test\"]},"
        + "{\"type\":\"slack\",\"webhookUrl\":\"" + receiver.uri("/slack") + "\"}]");
    failAndPlan();

    List<Outcome> outcomes = h.worker("w1").drain(10);

    assertThat(outcomes).containsExactlyInAnyOrder(Outcome.RETRY_SCHEDULED, Outcome.DELIVERED, Outcome.DELIVERED);
    assertThat(SMTP.getReceivedMessages()).hasSize(1);
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void shouldDeliverExactlyOnceWhenAWorkerCrashesBetweenClaimAndSend() {
    start(DeliverySettings.defaults());
    product("orders", "[{\"type\":\"webhook\",\"url\":\"" + receiver.uri("/hook") + "\",\"secretEnv\":\"HOOK_SECRET\"}]");
    failAndPlan();

    List<OutboxEntry> claimed = h.worker("crashing").claim(10, Set.of());
    assertThat(claimed).hasSize(1);
    // ... and the worker dies here: the notification is SENDING under a lease nobody will finish.

    DeliveryWorker restarted = h.worker("restarted");
    assertThat(restarted.drain(10)).as("the lease still holds").isEmpty();
    assertThat(receiver.requests()).isEmpty();

    h.clock.advance(h.delivery.lease().plusSeconds(1));
    assertThat(restarted.drain(10)).containsExactly(Outcome.DELIVERED);
    assertThat(restarted.drain(10)).isEmpty();
    h.clock.advance(h.delivery.lease().plusSeconds(1));
    assertThat(restarted.drain(10)).as("delivered stays delivered after any lease").isEmpty();

    assertThat(receiver.requests()).hasSize(1);
    assertThat(receiver.onlyRequest().header("X-Watershed-Delivery")).isEqualTo(claimed.get(0).id());
  }

  @Test
  void shouldSendEachNotificationOnceWhenTwoWorkersRaceOnOneOutbox() throws Exception {
    start(DeliverySettings.defaults());
    for (int i = 0; i < 30; i++) {
      product("p" + i, "[{\"type\":\"webhook\",\"url\":\"" + receiver.uri("/hook/" + i)
          + "\",\"secretEnv\":\"HOOK_SECRET\"},{\"type\":\"slack\",\"webhookUrl\":\"" + receiver.uri("/slack/" + i) + "\"}]");
    }
    failAndPlan();
    assertThat(h.notifications()).hasSize(60);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<Outcome>>> racers = new ArrayList<>();
      for (String name : List.of("replica-a", "replica-b")) {
        DeliveryWorker worker = h.worker(name);
        racers.add(() -> worker.drain(1000));
      }
      List<Outcome> all = new ArrayList<>();
      for (Future<List<Outcome>> f : pool.invokeAll(racers, 60, TimeUnit.SECONDS)) {
        all.addAll(f.get());
      }
      assertThat(all).hasSize(60).containsOnly(Outcome.DELIVERED);
    } finally {
      pool.shutdownNow();
    }

    // Every notification has a receiver path of its own (Slack carries no delivery id header).
    Map<String, Long> perNotification = new HashMap<>();
    receiver.requests().forEach(r -> perNotification.merge(r.path(), 1L, Long::sum));
    assertThat(perNotification).hasSize(60);
    assertThat(perNotification.values()).containsOnly(1L);
    assertThat(h.notifications()).extracting(AlertsHarness.Recorded::status).containsOnly("DELIVERED");
  }
}
