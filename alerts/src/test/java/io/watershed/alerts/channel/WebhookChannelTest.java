package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {

  static final String SECRET = "whsec_4c2f0a9d8e7b6a5c4d3e2f1a0b9c8d7e";
  static final Instant NOW = Instant.parse("2026-03-02T04:05:00Z");
  static final HttpChannelSettings FAST = new HttpChannelSettings(Duration.ofSeconds(2), Duration.ofMillis(700), 1024);

  private final ObjectMapper json = new ObjectMapper();
  private RecordingHttpServer server;
  private WebhookChannel channel;
  private WebhookRoute route;

  @BeforeEach
  void setUp() {
    server = RecordingHttpServer.start();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    channel = new WebhookChannel(new ChannelHttpClient(FAST, clock), clock);
    route = new WebhookRoute(server.uri("/hooks/watershed?token=abc"), SECRET);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void shouldPostJsonWithEventDeliveryTimestampAndSignatureHeaders() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    RecordingHttpServer.Recorded request = server.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/hooks/watershed");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("X-Watershed-Event")).isEqualTo("firing");
    assertThat(request.header("X-Watershed-Delivery")).isEqualTo("3f9a1c7e2b5d4e60:firing");
    assertThat(request.header("X-Watershed-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
    assertThat(request.header("X-Watershed-Signature")).matches("sha256=[0-9a-f]{64}");
  }

  @Test
  void shouldSignSoThatTheVerifierAcceptsTheRawBody() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    RecordingHttpServer.Recorded request = server.onlyRequest();
    String timestamp = request.header("X-Watershed-Timestamp");
    String signature = request.header("X-Watershed-Signature");
    assertThat(WebhookSignature.verify(SECRET, timestamp, request.body(), signature, NOW.plusSeconds(3),
        WebhookSignature.DEFAULT_TOLERANCE)).isTrue();
    assertThat(WebhookSignature.verify("another-secret-of-16+", timestamp, request.body(), signature, NOW,
        WebhookSignature.DEFAULT_TOLERANCE)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, timestamp, request.body(), signature, NOW.plus(Duration.ofMinutes(6)),
        WebhookSignature.DEFAULT_TOLERANCE)).as("outside the replay window").isFalse();
  }

  @Test
  void shouldSendTheVersion1Payload() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    JsonNode body = json.readTree(server.onlyRequest().body());
    assertThat(body).isEqualTo(json.readTree("""
        {
          "version": "1",
          "id": "3f9a1c7e2b5d4e60:firing",
          "fingerprint": "3f9a1c7e2b5d4e60",
          "kind": "firing",
          "severity": "critical",
          "title": "orders_daily failed",
          "summary": "The Airflow task etl.orders_daily failed, so shop.sales.orders_daily was not refreshed and the products that read it are stale.",
          "since": "2026-03-02T04:00:00Z",
          "resolvedAt": null,
          "rootCause": {
            "kind": "run_failed",
            "node": "job:airflow:etl.orders_daily",
            "description": "Run ended FAIL after 3 attempts: BigQuery job exceeded its slot quota",
            "evidence": {"runId": "0195d2c4-8f1e-7a3b-9c2d-4e5f6a7b8c9d", "attempts": "3"},
            "upstreamPath": [
              "job:airflow:etl.orders_daily",
              "dataset:bigquery:shop.sales.orders_daily",
              "dataset:bigquery:shop.marts.customer_360"
            ]
          },
          "affectedProducts": [
            {"name": "customer-360", "domain": "customer", "owner": "customer-analytics@company.com",
             "state": "stale", "reason": "orders_daily is 30h old, objective 24h"},
            {"name": "customer-lifetime-value", "domain": "customer", "owner": "customer-analytics@company.com",
             "state": "stale", "reason": null},
            {"name": "churn-scores", "domain": "customer", "owner": "customer-analytics@company.com",
             "state": "failing checks", "reason": "row count 0, expected at least 1000"}
          ],
          "link": "https://watershed.example.com/api/v1/alerts/3f9a1c7e2b5d4e60",
          "labels": {"env": "prod", "team": "customer-analytics"}
        }
        """));
    assertThat(body.fieldNames()).toIterable().first().isEqualTo("version");
  }

  @Test
  void shouldSendResolvedEventWithResolvedAt() throws Exception {
    channel.send(SampleNotifications.resolved(), route);

    RecordingHttpServer.Recorded request = server.onlyRequest();
    assertThat(request.header("X-Watershed-Event")).isEqualTo("resolved");
    assertThat(request.header("X-Watershed-Delivery")).isEqualTo("3f9a1c7e2b5d4e60:resolved");
    JsonNode body = json.readTree(request.body());
    assertThat(body.get("kind").asText()).isEqualTo("resolved");
    assertThat(body.get("resolvedAt").asText()).isEqualTo("2026-03-02T07:20:00Z");
    assertThat(body.get("fingerprint").asText()).isEqualTo(SampleNotifications.FINGERPRINT);
  }

  @Test
  void shouldNameUpstreamAtRiskEvents() throws Exception {
    channel.send(SampleNotifications.atRisk(), route);

    assertThat(server.onlyRequest().header("X-Watershed-Event")).isEqualTo("upstream_at_risk");
  }

  @Test
  void shouldRetryServerErrors() {
    server.replyWith(500, Map.of(), "internal error");

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.SERVER_ERROR);
    assertThat(e.responseCode()).hasValue(500);
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.channel()).isEqualTo(ChannelType.WEBHOOK);
  }

  @Test
  void shouldHonourRetryAfterSecondsOnServiceUnavailable() {
    server.replyWith(503, Map.of("Retry-After", "120"), "");

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void shouldHonourRetryAfterHttpDateWhenRateLimited() {
    server.replyWith(429, Map.of("Retry-After", "Mon, 02 Mar 2026 04:06:30 GMT"), "slow down");

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(90));
  }

  @Test
  void shouldNotRetryBadRequestAndQuoteTheReceiver() {
    server.replyWith(400, Map.of(), "unknown field\r\n'rootCause'");

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isFalse();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.REJECTED);
    assertThat(e.responseCode()).hasValue(400);
    assertThat(e.getMessage()).contains("HTTP 400").contains("unknown field 'rootCause'").doesNotContain("\n");
  }

  @Test
  void shouldNotRetryRefusedCredentials() {
    server.replyWith(401, Map.of(), "bad signature");

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isFalse();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.AUTHENTICATION_FAILED);
  }

  @Test
  void shouldNotFollowRedirects() {
    server.replyWith(307, Map.of("Location", server.uri("/elsewhere").toString()), "");

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("redirects are not followed");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void shouldRetryWhenTheConnectionIsRefused() {
    WebhookRoute nowhere = new WebhookRoute(RecordingHttpServer.closedPortUri("/hook"), SECRET);

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), nowhere));

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.CONNECTION_FAILED);
    assertThat(e.responseCode()).isEmpty();
  }

  @Test
  void shouldRetryWhenTheReceiverDoesNotAnswerInTime() {
    server.stall();
    long started = System.nanoTime();

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void shouldReadOnlyABoundedPartOfAHugeErrorResponse() {
    server.replyWith(502, Map.of(), "x".repeat(2_000_000));

    DeliveryException e = sendExpectingFailure();

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage().length()).isLessThan(500);
  }

  @Test
  void shouldKeepTheSecretAndTheUrlPathOutOfMessages() {
    server.replyWith(500, Map.of(), "");

    DeliveryException e = sendExpectingFailure();

    assertThat(route.toString()).doesNotContain(SECRET).doesNotContain("token").doesNotContain("/hooks");
    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("token").doesNotContain("/hooks");
  }

  @Test
  void shouldRefuseARouteOfAnotherType() {
    SlackRoute slack = new SlackRoute(server.uri("/slack"), null);

    assertThatThrownBy(() -> channel.send(SampleNotifications.firing(), slack))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.reason()).isEqualTo(DeliveryException.Reason.MISCONFIGURED);
        });
    assertThat(server.requests()).isEmpty();
  }

  private DeliveryException sendExpectingFailure() {
    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), route));
    assertThat(e).as("send should have failed").isNotNull();
    return e;
  }
}
