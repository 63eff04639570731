package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Checks a request body against {@code postableAlerts} of Alertmanager's API v2 (api/v2/openapi.yaml):
 *
 * <pre>
 * postableAlerts: array of postableAlert
 * postableAlert:  startsAt (string, date-time), endsAt (string, date-time), annotations (labelSet),
 *                 labels (labelSet, required), generatorURL (string, uri)
 * labelSet:       object, additionalProperties: string
 * </pre>
 *
 * plus what Alertmanager validates on receipt: label names match {@code [a-zA-Z_][a-zA-Z0-9_]*}, an
 * {@code alertname} label exists, and endsAt is not before startsAt.
 */
final class AlertmanagerV2Schema {

  private static final Set<String> FIELDS = Set.of("startsAt", "endsAt", "annotations", "labels", "generatorURL");

  private AlertmanagerV2Schema() {}

  static void assertPostableAlerts(JsonNode body) {
    assertThat(body.isArray()).as("postableAlerts is an array").isTrue();
    for (JsonNode alert : body) {
      assertThat(alert.isObject()).as("postableAlert is an object").isTrue();
      alert.fieldNames().forEachRemaining(name -> assertThat(FIELDS).as("known field").contains(name));
      assertThat(alert.has("labels")).as("labels is required").isTrue();
      assertLabelSet(alert.get("labels"), true);
      assertThat(alert.get("labels").has("alertname")).as("alertname label").isTrue();
      if (alert.has("annotations")) {
        assertLabelSet(alert.get("annotations"), false);
      }
      OffsetDateTime startsAt = dateTime(alert, "startsAt");
      OffsetDateTime endsAt = dateTime(alert, "endsAt");
      if (startsAt != null && endsAt != null) {
        assertThat(endsAt).as("endsAt not before startsAt").isAfterOrEqualTo(startsAt);
      }
      if (alert.has("generatorURL")) {
        assertThat(alert.get("generatorURL").isTextual()).isTrue();
        assertThatCode(() -> URI.create(alert.get("generatorURL").asText())).doesNotThrowAnyException();
      }
    }
  }

  private static void assertLabelSet(JsonNode set, boolean labelNames) {
    assertThat(set.isObject()).as("labelSet is an object").isTrue();
    set.properties().forEach(entry -> {
      assertThat(entry.getValue().isTextual()).as("value of %s is a string", entry.getKey()).isTrue();
      if (labelNames) {
        assertThat(entry.getKey()).matches("[a-zA-Z_][a-zA-Z0-9_]*");
        assertThat(entry.getValue().asText()).as("label %s is not empty", entry.getKey()).isNotEmpty();
      }
    });
  }

  private static OffsetDateTime dateTime(JsonNode alert, String field) {
    if (!alert.has(field)) {
      return null;
    }
    assertThat(alert.get(field).isTextual()).as("%s is a string", field).isTrue();
    return OffsetDateTime.parse(alert.get(field).asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
