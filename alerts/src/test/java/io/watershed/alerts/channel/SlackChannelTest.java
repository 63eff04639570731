package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackChannelTest {

  private final ObjectMapper json = new ObjectMapper();
  private RecordingHttpServer server;
  private SlackChannel channel;
  private SlackRoute route;

  @BeforeEach
  void setUp() {
    server = RecordingHttpServer.start();
    channel = new SlackChannel(new ChannelHttpClient(WebhookChannelTest.FAST, Clock.systemUTC()), new NotificationRenderer());
    route = new SlackRoute(server.uri("/services/T000/B000/XXXXSECRET"), null);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void shouldPostFallbackTextAndHeaderFactsProductsAndContextBlocks() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    RecordingHttpServer.Recorded request = server.onlyRequest();
    assertThat(request.path()).isEqualTo("/services/T000/B000/XXXXSECRET");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    JsonNode message = json.readTree(request.body());
    assertThat(message.get("text").asText())
        .isEqualTo("[FIRING][CRITICAL] customer-360 and 2 more: orders_daily failed");
    assertThat(message.has("channel")).isFalse();
    assertThat(types(message)).containsExactly("header", "section", "section", "context");

    JsonNode header = message.at("/blocks/0/text");
    assertThat(header.get("type").asText()).isEqualTo("plain_text");
    assertThat(header.get("text").asText()).isEqualTo(":red_circle: FIRING · CRITICAL: orders_daily failed");

    JsonNode facts = message.at("/blocks/1/text");
    assertThat(facts.get("type").asText()).isEqualTo("mrkdwn");
    assertThat(facts.get("text").asText())
        .contains("*What broke:* The Airflow task etl.orders_daily failed")
        .contains("*Since:* 2026-03-02 04:00:00 UTC")
        .contains("*Root cause:* run failed at `job:airflow:etl.orders_daily`: Run ended FAIL after 3 attempts")
        .contains("*Evidence:* runId=0195d2c4-8f1e-7a3b-9c2d-4e5f6a7b8c9d, attempts=3")
        .contains("*Upstream path:* `job:airflow:etl.orders_daily` → `dataset:bigquery:shop.sales.orders_daily`");

    assertThat(message.at("/blocks/2/text/text").asText())
        .startsWith("*Affected data products (3):*\n")
        .contains("• *customer-360* (customer, customer-analytics@company.com): stale, orders_daily is 30h old")
        .contains("• *customer-lifetime-value*")
        .contains("• *churn-scores*");

    JsonNode context = message.at("/blocks/3/elements/0");
    assertThat(context.get("type").asText()).isEqualTo("mrkdwn");
    assertThat(context.get("text").asText())
        .contains("<https://watershed.example.com/api/v1/alerts/3f9a1c7e2b5d4e60|Open in Watershed>");
  }

  @Test
  void shouldOverrideTheChannelOnlyWhenTheRouteNamesOne() throws Exception {
    channel.send(SampleNotifications.firing(), new SlackRoute(route.webhookUrl(), "#data-alerts"));

    assertThat(json.readTree(server.onlyRequest().body()).get("channel").asText()).isEqualTo("#data-alerts");
  }

  @Test
  void shouldMarkResolvedMessagesClearly() throws Exception {
    channel.send(SampleNotifications.resolved(), route);

    JsonNode message = json.readTree(server.onlyRequest().body());
    assertThat(message.get("text").asText()).startsWith("[RESOLVED][CRITICAL]");
    assertThat(message.at("/blocks/0/text/text").asText())
        .isEqualTo(":white_check_mark: RESOLVED · CRITICAL: orders_daily failed");
    assertThat(message.at("/blocks/1/text/text").asText())
        .contains("*Resolved:* 2026-03-02 07:20:00 UTC, after 3h 20m");
    assertThat(message.at("/blocks/2/text/text").asText()).startsWith("*Data products that were affected (3):*");
  }

  @Test
  void shouldCutLongProductListsAndLongTextsToSlackLimits() throws Exception {
    Notification wide = SampleNotifications.withText(SampleNotifications.firingWithProducts(35),
        "t".repeat(400), "s".repeat(3900));

    channel.send(wide, route);

    JsonNode message = json.readTree(server.onlyRequest().body());
    String products = message.at("/blocks/2/text/text").asText();
    assertThat(products.lines().filter(line -> line.startsWith("• *product-"))).hasSize(10);
    assertThat(products).endsWith("• _and 25 more_");
    assertThat(message.at("/blocks/0/text/text").asText()).hasSizeLessThanOrEqualTo(150).endsWith("…");
    for (JsonNode block : message.get("blocks")) {
      if (block.get("type").asText().equals("section")) {
        assertThat(block.at("/text/text").asText()).hasSizeLessThanOrEqualTo(3000);
      }
    }
    assertThat(message.get("blocks")).hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void shouldEscapeSlackControlCharacters() throws Exception {
    channel.send(SampleNotifications.withText(SampleNotifications.firing(), "a <b> & c",
        "<!channel> broke & <https://evil.example|click>"), route);

    JsonNode message = json.readTree(server.onlyRequest().body());
    assertThat(message.at("/blocks/1/text/text").asText())
        .contains("&lt;!channel&gt; broke &amp; &lt;https://evil.example|click&gt;");
    assertThat(message.get("text").asText()).contains("a &lt;b&gt; &amp; c");
    assertThat(message.at("/blocks/0/text/text").asText()).as("plain_text needs no escaping").contains("a <b> & c");
  }

  @Test
  void shouldNotRetryWhenSlackSaysTheChannelIsGone() {
    server.replyWith(404, Map.of(), "channel_not_found");

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), route));

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("channel_not_found").doesNotContain("XXXXSECRET");
  }

  @Test
  void shouldRetryWhenSlackRateLimits() {
    server.replyWith(429, Map.of("Retry-After", "30"), "rate_limited");

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(), route));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
  }

  @Test
  void shouldHideTheWebhookPathWhenPrinted() {
    assertThat(route.toString()).doesNotContain("XXXXSECRET").contains("127.0.0.1");
  }

  private static List<String> types(JsonNode message) {
    List<String> types = new ArrayList<>();
    message.get("blocks").forEach(block -> types.add(block.get("type").asText()));
    return types;
  }
}
