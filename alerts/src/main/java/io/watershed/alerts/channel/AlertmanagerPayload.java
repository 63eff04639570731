package io.watershed.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The body of {@code POST /api/v2/alerts} (Alertmanager's {@code postableAlerts}): an array holding one alert.
 *
 * <p>Alertmanager identifies an alert by its labels, so labels hold only bounded, stable values (no free text and
 * nothing that differs between the FIRING and the RESOLVED post of one alert); everything for people goes into the
 * annotations, which Alertmanager replaces with the latest post.
 */
final class AlertmanagerPayload {

  static final String ALERT_NAME = "WatershedDataProduct";
  /** Products or domains listed in one label value before "+N"; bounds the label for very wide alerts. */
  static final int MAX_NAMES_IN_LABEL = 10;

  private AlertmanagerPayload() {}

  static ArrayNode of(Notification n, Instant endsAt, NotificationRenderer renderer) {
    ArrayNode alerts = Json.NODES.arrayNode();
    ObjectNode alert = alerts.addObject();
    ObjectNode labels = alert.putObject("labels");
    labels(n).forEach(labels::put);
    ObjectNode annotations = alert.putObject("annotations");
    annotations(n, renderer).forEach(annotations::put);
    alert.put("startsAt", WebhookPayload.iso(n.since()));
    alert.put("endsAt", WebhookPayload.iso(endsAt));
    alert.put("generatorURL", n.link().toString());
    return alerts;
  }

  static Map<String, String> labels(Notification n) {
    // Routing labels from the notification first, so Watershed's own names below win on a clash.
    Map<String, String> labels = new TreeMap<>(n.labels());
    labels.put("alertname", ALERT_NAME);
    labels.put("severity", n.severity().wireName());
    labels.put("fingerprint", n.fingerprint());
    labels.put("root_cause_kind", n.rootCause().kind().wireName());
    if (!n.affectedProducts().isEmpty()) {
      labels.put("product", joinSorted(n.affectedProducts().stream().map(AffectedProduct::name).toList()));
      labels.put("domain", joinSorted(n.affectedProducts().stream().map(AffectedProduct::domain).toList()));
    }
    return labels;
  }

  private static Map<String, String> annotations(Notification n, NotificationRenderer renderer) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", Text.oneLine(n.title()));
    annotations.put("description", n.summary());
    annotations.put("root_cause", renderer.rootCauseLine(n.rootCause()));
    if (!n.rootCause().evidence().isEmpty()) {
      annotations.put("evidence", renderer.evidenceLine(n.rootCause()));
    }
    if (!n.rootCause().upstreamPath().isEmpty()) {
      annotations.put("upstream_path", renderer.upstreamPathLine(n.rootCause()));
    }
    if (!n.affectedProducts().isEmpty()) {
      annotations.put("affected_products", String.join("; ",
          Text.bounded(n.affectedProducts(), NotificationRenderer.MAX_PRODUCTS_IN_TEXT, renderer::productLine)));
    }
    annotations.put("watershed_kind", n.kind().wireName());
    annotations.put("link", n.link().toString());
    return annotations;
  }

  /** Distinct values, sorted so the label is the same whatever order the products came in: "a,b,c" or "a,...,j,+3". */
  private static String joinSorted(List<String> values) {
    List<String> sorted = List.copyOf(new TreeSet<>(values));
    if (sorted.size() <= MAX_NAMES_IN_LABEL) {
      return String.join(",", sorted);
    }
    return String.join(",", sorted.subList(0, MAX_NAMES_IN_LABEL)) + ",+" + (sorted.size() - MAX_NAMES_IN_LABEL);
  }
}
