package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/alert-channels.md shows what the channels send; this test keeps it true. Each example follows a
 * {@code <!-- example: NAME -->} marker and must equal what the code produces for {@link SampleNotifications}.
 * Configuration keys of the whole module are documented in docs/alert-channels.md (channels) and docs/alerts.md
 * (engine and delivery).
 */
class DocsExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NotificationRenderer RENDERER = new NotificationRenderer();
  private static String doc;
  private static String configDocs;

  @BeforeAll
  static void readDoc() throws IOException {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    doc = Files.readString(module.resolve("../docs/alert-channels.md").normalize());
    configDocs = doc + "\n" + Files.readString(module.resolve("../docs/alerts.md").normalize());
  }

  @Test
  void shouldShowTheWebhookPayloadAsSent() throws Exception {
    assertThat(json("webhook-payload")).isEqualTo(WebhookPayload.of(SampleNotifications.firing()));
  }

  @Test
  void shouldShowTheSlackMessageAsSent() throws Exception {
    assertThat(json("slack-firing")).isEqualTo(RENDERER.slackMessage(SampleNotifications.firing()));
  }

  @Test
  void shouldShowTheAlertmanagerPayloadAsSent() throws Exception {
    Instant endsAt = AlertmanagerChannelTest.NOW.plus(AlertmanagerSettings.defaults().firingTtl());
    JsonNode documented = json("alertmanager-firing");

    assertThat(documented).isEqualTo(AlertmanagerPayload.of(SampleNotifications.firing(), endsAt, RENDERER));
    AlertmanagerV2Schema.assertPostableAlerts(documented);
  }

  @Test
  void shouldShowTheEmailTextAsSent() {
    assertThat(example("email-text-resolved")).isEqualTo(RENDERER.plainText(SampleNotifications.resolved()));
  }

  @Test
  void shouldGiveAWorkedSignatureExampleThatVerifies() {
    String signature = WebhookSignature.sign(
        WebhookSignatureTest.SECRET, WebhookSignatureTest.TIMESTAMP, WebhookSignatureTest.BODY);

    assertThat(signature).isEqualTo(WebhookSignatureTest.SIGNATURE);
    assertThat(doc)
        .contains("secret `" + WebhookSignatureTest.SECRET + "`")
        .contains("timestamp `" + WebhookSignatureTest.TIMESTAMP + "`")
        .contains("`" + WebhookSignatureTest.BODY + "`")
        .contains("printf '%s' '" + WebhookSignatureTest.TIMESTAMP + "." + WebhookSignatureTest.BODY + "'")
        .contains("X-Watershed-Signature: " + signature);
  }

  @Test
  void shouldDocumentEveryConfigurationKeyWithItsEnvironmentVariableAndDefault() throws IOException {
    Path metadata = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("target/classes/META-INF/spring-configuration-metadata.json");
    List<String> rows = configDocs.lines().filter(line -> line.startsWith("| `watershed.alerts.")).toList();

    JsonNode properties = JSON.readTree(metadata.toFile()).get("properties");
    assertThat(properties).isNotEmpty();
    for (JsonNode property : properties) {
      String key = property.get("name").asText();
      String env = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      String row = rows.stream().filter(line -> line.startsWith("| `" + key + "` |")).findFirst().orElse(null);
      assertThat(row).as("documented: %s", key).isNotNull();
      assertThat(row).contains("`" + env + "`");
      if (property.has("defaultValue")) {
        assertThat(row).as("default of %s", key).contains("`" + property.get("defaultValue").asText() + "`");
      }
    }
    assertThat(rows).hasSize(properties.size());
  }

  private static JsonNode json(String name) throws IOException {
    return JSON.readTree(example(name));
  }

  /** The fenced block right after {@code <!-- example: name -->}, without the fences. */
  private static String example(String name) {
    String marker = "<!-- example: " + name + " -->\n";
    int at = doc.indexOf(marker);
    assertThat(at).as("marker %s in the doc", name).isNotNegative();
    int open = doc.indexOf('\n', at + marker.length()) + 1; // skip the ```lang line
    int close = doc.indexOf("\n```\n", open - 1);
    return doc.substring(open, close + 1);
  }
}
