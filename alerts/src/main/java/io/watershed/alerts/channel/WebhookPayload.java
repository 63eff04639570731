package io.watershed.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The webhook body, version 1. Receivers depend on this shape, so it only grows: a new field may be added within
 * version 1; renaming or removing one, or changing its meaning, makes version 2. docs/alert-channels.md shows it.
 */
final class WebhookPayload {

  static final String VERSION = "1";

  private WebhookPayload() {}

  static ObjectNode of(Notification n) {
    ObjectNode body = Json.NODES.objectNode();
    body.put("version", VERSION);
    body.put("id", n.id());
    body.put("fingerprint", n.fingerprint());
    body.put("kind", n.kind().wireName());
    body.put("severity", n.severity().wireName());
    body.put("title", n.title());
    body.put("summary", n.summary());
    body.put("since", iso(n.since()));
    body.put("resolvedAt", n.resolvedAt() == null ? null : iso(n.resolvedAt()));

    RootCause cause = n.rootCause();
    ObjectNode rootCause = body.putObject("rootCause");
    rootCause.put("kind", cause.kind().wireName());
    rootCause.put("node", cause.nodeId());
    rootCause.put("description", cause.description());
    ObjectNode evidence = rootCause.putObject("evidence");
    cause.evidence().forEach(evidence::put);
    ArrayNode path = rootCause.putArray("upstreamPath");
    cause.upstreamPath().forEach(path::add);

    ArrayNode products = body.putArray("affectedProducts");
    for (AffectedProduct p : n.affectedProducts()) {
      products.addObject()
          .put("name", p.name())
          .put("domain", p.domain())
          .put("owner", p.owner())
          .put("state", p.state())
          .put("reason", p.reason());
    }
    body.put("link", n.link().toString());
    ObjectNode labels = body.putObject("labels");
    n.labels().forEach(labels::put);
    return body;
  }

  /** RFC 3339 in UTC, e.g. {@code 2026-03-02T04:00:00Z}. */
  static String iso(Instant instant) {
    return instant.toString();
  }
}
