package io.watershed.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.watershed.alerts.channel.AffectedProduct;
import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.channel.RootCause;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.channel.Severity;
import io.watershed.alerts.support.GraphValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Notification} as the outbox stores it: JSON text written when the notification is recorded and read back
 * for every attempt, so each retry sends exactly what was recorded, under the same id.
 */
public final class NotificationCodec {

  private NotificationCodec() {}

  public static String write(Notification n) {
    ObjectNode root = GraphValues.mapper().createObjectNode();
    root.put("id", n.id());
    root.put("fingerprint", n.fingerprint());
    root.put("kind", n.kind().name());
    root.put("severity", n.severity().name());
    root.put("title", n.title());
    root.put("summary", n.summary());
    root.put("since", n.since().toString());
    root.put("resolvedAt", n.resolvedAt() == null ? null : n.resolvedAt().toString());
    ObjectNode cause = root.putObject("rootCause");
    cause.put("kind", n.rootCause().kind().name());
    cause.put("nodeId", n.rootCause().nodeId());
    cause.put("description", n.rootCause().description());
    ObjectNode evidence = cause.putObject("evidence");
    n.rootCause().evidence().forEach(evidence::put);
    n.rootCause().upstreamPath().forEach(cause.putArray("upstreamPath")::add);
    var products = root.putArray("affectedProducts");
    for (AffectedProduct p : n.affectedProducts()) {
      products.addObject()
          .put("name", p.name())
          .put("domain", p.domain())
          .put("owner", p.owner())
          .put("state", p.state())
          .put("reason", p.reason());
    }
    root.put("link", n.link().toString());
    ObjectNode labels = root.putObject("labels");
    n.labels().forEach(labels::put);
    return root.toString();
  }

  public static Notification read(String json) {
    JsonNode root;
    try {
      root = GraphValues.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored notification is not JSON", e);
    }
    JsonNode cause = root.get("rootCause");
    Map<String, String> evidence = new LinkedHashMap<>();
    cause.get("evidence").fields().forEachRemaining(e -> evidence.put(e.getKey(), e.getValue().asText()));
    List<String> path = new ArrayList<>();
    cause.path("upstreamPath").forEach(p -> path.add(p.asText()));
    List<AffectedProduct> products = new ArrayList<>();
    for (JsonNode p : root.get("affectedProducts")) {
      products.add(
          new AffectedProduct(
              p.get("name").asText(),
              p.get("domain").asText(),
              p.get("owner").asText(),
              p.get("state").asText(),
              p.hasNonNull("reason") ? p.get("reason").asText() : null));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    root.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return new Notification(
        root.get("id").asText(),
        root.get("fingerprint").asText(),
        NotificationKind.valueOf(root.get("kind").asText()),
        Severity.valueOf(root.get("severity").asText()),
        root.get("title").asText(),
        root.get("summary").asText(),
        Instant.parse(root.get("since").asText()),
        root.hasNonNull("resolvedAt") ? Instant.parse(root.get("resolvedAt").asText()) : null,
        new RootCause(
            RootCauseKind.valueOf(cause.get("kind").asText()),
            cause.get("nodeId").asText(),
            cause.get("description").asText(),
            evidence,
            path),
        products,
        URI.create(root.get("link").asText()),
        labels);
  }
}
