package io.watershed.alerts.silence;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Objects;

/**
 * Mutes notifications for matching alerts from {@code startsAt} until {@code endsAt}. An alert matches when every
 * matcher that is set equals the alert's value. Alerts keep being raised and resolved while muted; what they would
 * have sent is sent when the silence ends, if it still applies (a FIRING for a problem still there, a RESOLVED for
 * one the recipient was told about).
 */
public record Silence(
    String id,
    @Nullable String product,
    @Nullable String fingerprint,
    @Nullable String rootCauseNode,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    @Nullable String comment,
    Instant createdAt) {

  public Silence {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (product == null && fingerprint == null && rootCauseNode == null) {
      throw new IllegalArgumentException("a silence needs at least one matcher: product, fingerprint or rootCauseNode");
    }
    if (endsAt.isBefore(startsAt)) {
      throw new IllegalArgumentException("endsAt must not be before startsAt");
    }
  }

  public boolean activeAt(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  public boolean matches(String alertProduct, String alertFingerprint, String alertRootCauseNode) {
    return (product == null || product.equals(alertProduct))
        && (fingerprint == null || fingerprint.equals(alertFingerprint))
        && (rootCauseNode == null || rootCauseNode.equals(alertRootCauseNode));
  }
}
