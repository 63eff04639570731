package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a fake Alertmanager: the recording server plays {@code POST /api/v2/alerts}. */
class AlertmanagerChannelTest {

  static final Instant NOW = Instant.parse("2026-03-02T04:05:00Z");

  private final ObjectMapper json = new ObjectMapper();
  private RecordingHttpServer alertmanager;
  private AlertmanagerChannel channel;
  private AlertmanagerRoute route;

  @BeforeEach
  void setUp() {
    alertmanager = RecordingHttpServer.start();
    channel = new AlertmanagerChannel(new ChannelHttpClient(WebhookChannelTest.FAST, Clock.systemUTC()), new NotificationRenderer(),
        AlertmanagerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    route = new AlertmanagerRoute(alertmanager.uri(""));
  }

  @AfterEach
  void tearDown() {
    alertmanager.close();
  }

  @Test
  void shouldPostOneAlertToTheV2AlertsEndpoint() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    RecordingHttpServer.Recorded request = alertmanager.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/api/v2/alerts");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Authorization")).isNull();
    JsonNode body = json.readTree(request.body());
    AlertmanagerV2Schema.assertPostableAlerts(body);
    assertThat(body).hasSize(1);
  }

  @Test
  void shouldCarryBoundedIdentityLabelsAndReadableAnnotations() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    JsonNode alert = json.readTree(alertmanager.onlyRequest().body()).get(0);
    assertThat(alert.get("labels")).isEqualTo(json.valueToTree(Map.of(
        "alertname", "WatershedDataProduct",
        "severity", "critical",
        "fingerprint", "3f9a1c7e2b5d4e60",
        "root_cause_kind", "run_failed",
        "product", "churn-scores,customer-360,customer-lifetime-value",
        "domain", "customer",
        "env", "prod",
        "team", "customer-analytics")));
    JsonNode annotations = alert.get("annotations");
    assertThat(annotations.get("summary").asText()).isEqualTo("orders_daily failed");
    assertThat(annotations.get("description").asText()).startsWith("The Airflow task etl.orders_daily failed");
    assertThat(annotations.get("root_cause").asText()).isEqualTo(
        "run failed at job:airflow:etl.orders_daily: Run ended FAIL after 3 attempts: BigQuery job exceeded its"
            + " slot quota");
    assertThat(annotations.get("upstream_path").asText()).isEqualTo(
        "job:airflow:etl.orders_daily -> dataset:bigquery:shop.sales.orders_daily"
            + " -> dataset:bigquery:shop.marts.customer_360");
    assertThat(annotations.get("affected_products").asText())
        .startsWith("customer-360 (domain customer, owner customer-analytics@company.com): stale, orders_daily");
    assertThat(annotations.get("watershed_kind").asText()).isEqualTo("firing");
    assertThat(annotations.get("link").asText()).isEqualTo(SampleNotifications.LINK.toString());
    assertThat(alert.get("generatorURL").asText()).isEqualTo(SampleNotifications.LINK.toString());
  }

  @Test
  void shouldKeepAnActiveAlertAliveForTheFiringTtl() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    JsonNode alert = json.readTree(alertmanager.onlyRequest().body()).get(0);
    assertThat(alert.get("startsAt").asText()).isEqualTo("2026-03-02T04:00:00Z");
    assertThat(alert.get("endsAt").asText()).isEqualTo("2026-03-02T05:05:00Z");
  }

  @Test
  void shouldResolveWithTheSameLabelsAndEndsAtResolvedAt() throws Exception {
    channel.send(SampleNotifications.firing(), route);
    channel.send(SampleNotifications.resolved(), route);

    JsonNode firing = json.readTree(alertmanager.requests().get(0).body()).get(0);
    JsonNode resolved = json.readTree(alertmanager.requests().get(1).body()).get(0);
    AlertmanagerV2Schema.assertPostableAlerts(json.readTree(alertmanager.requests().get(1).body()));
    assertThat(resolved.get("labels")).as("Alertmanager matches the two by labels").isEqualTo(firing.get("labels"));
    assertThat(resolved.get("startsAt").asText()).isEqualTo("2026-03-02T04:00:00Z");
    assertThat(resolved.get("endsAt").asText()).isEqualTo("2026-03-02T07:20:00Z");
    assertThat(resolved.at("/annotations/watershed_kind").asText()).isEqualTo("resolved");
  }

  @Test
  void shouldBoundTheProductLabelOfAWideAlert() throws Exception {
    channel.send(SampleNotifications.firingWithProducts(15), route);

    JsonNode labels = json.readTree(alertmanager.onlyRequest().body()).get(0).get("labels");
    assertThat(labels.get("product").asText())
        .isEqualTo("product-01,product-02,product-03,product-04,product-05,product-06,product-07,product-08,"
            + "product-09,product-10,+5");
    assertThat(labels.get("domain").asText()).isEqualTo("customer,order");
  }

  @Test
  void shouldLetWatershedLabelsWinOverRoutingLabelsOfTheSameName() throws Exception {
    Notification n = SampleNotifications.firing();
    Notification clash = new Notification(n.id(), n.fingerprint(), n.kind(), n.severity(), n.title(), n.summary(),
        n.since(), null, n.rootCause(), n.affectedProducts(), n.link(),
        Map.of("severity", "low", "alertname", "Mine", "env", "prod"));

    channel.send(clash, route);

    JsonNode labels = json.readTree(alertmanager.onlyRequest().body()).get(0).get("labels");
    assertThat(labels.get("severity").asText()).isEqualTo("critical");
    assertThat(labels.get("alertname").asText()).isEqualTo("WatershedDataProduct");
    assertThat(labels.get("env").asText()).isEqualTo("prod");
  }

  @Test
  void shouldKeepTheRoutePrefixOfTheBaseUrl() throws Exception {
    channel.send(SampleNotifications.firing(), new AlertmanagerRoute(alertmanager.uri("/alertmanager/")));

    assertThat(alertmanager.onlyRequest().path()).isEqualTo("/alertmanager/api/v2/alerts");
  }

  @Test
  void shouldSendUserInfoAsBasicAuthenticationAndNeverPrintIt() throws Exception {
    URI plain = alertmanager.uri("");
    AlertmanagerRoute withUser = new AlertmanagerRoute(
        URI.create("http://watershed:p%40ss@" + plain.getHost() + ":" + plain.getPort()));

    channel.send(SampleNotifications.firing(), withUser);

    String expected = Base64.getEncoder().encodeToString("watershed:p@ss".getBytes(StandardCharsets.UTF_8));
    assertThat(alertmanager.onlyRequest().header("Authorization")).isEqualTo("Basic " + expected);
    assertThat(withUser.toString()).doesNotContain("p%40ss").doesNotContain("watershed:");
  }

  @Test
  void shouldNotRetryAnAlertAlertmanagerRejects() {
    alertmanager.replyWith(400, Map.of("Content-Type", "application/json"), "\"start time must be before end time\"");

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), route));

    assertThat(e.retryable()).isFalse();
    assertThat(e.channel()).isEqualTo(ChannelType.ALERTMANAGER);
    assertThat(e.getMessage()).contains("start time must be before end time");
  }

  @Test
  void shouldRetryWhenAlertmanagerFails() {
    alertmanager.replyWith(500, Map.of(), "");

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), route));

    assertThat(e.retryable()).isTrue();
  }

  @Test
  void shouldRetryWhenAlertmanagerIsDown() {
    AlertmanagerRoute down = new AlertmanagerRoute(RecordingHttpServer.closedPortUri(""));

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), down));

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.CONNECTION_FAILED);
  }

  @Test
  void shouldLabelEveryKindWithoutFreeText() throws Exception {
    channel.send(SampleNotifications.atRisk(), route);

    JsonNode body = json.readTree(alertmanager.onlyRequest().body());
    AlertmanagerV2Schema.assertPostableAlerts(body);
    Map<String, String> labels = new TreeMap<>();
    body.get(0).get("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    assertThat(labels).containsOnlyKeys("alertname", "severity", "fingerprint", "root_cause_kind", "product",
        "domain");
    assertThat(labels.values()).allSatisfy(value -> assertThat(value).doesNotContain(" "));
    assertThat(Duration.between(Instant.parse(body.get(0).get("startsAt").asText()),
        Instant.parse(body.get(0).get("endsAt").asText()))).isPositive();
  }
}
