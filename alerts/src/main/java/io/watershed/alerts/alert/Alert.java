package io.watershed.alerts.alert;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.channel.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One problem for one data product: the unit that is deduplicated, acknowledged and resolved. Alerts of one root
 * cause share a {@code fingerprint}; their owners are notified per fingerprint, one notification each.
 *
 * @param since when the problem started
 * @param resolvedBy {@code RECOVERED} or {@code ACKNOWLEDGED}, for resolved alerts
 * @param path node ids from the root cause down to the product's dataset; empty when the product's own dataset is
 *     the root cause
 * @param productState the product's state in a word or two ("not refreshed", "at risk", "out of SLO" ...)
 * @param reason why, for people; may be null
 */
public record Alert(
    String id,
    String fingerprint,
    String product,
    String domain,
    Severity severity,
    AlertRole role,
    AlertState state,
    Instant since,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant resolvedAt,
    @Nullable String resolvedBy,
    @Nullable Instant acknowledgedAt,
    @Nullable String acknowledgedBy,
    @Nullable String acknowledgeComment,
    RootCauseKind rootCauseKind,
    String rootCauseNode,
    String description,
    Map<String, String> evidence,
    List<String> path,
    String productState,
    @Nullable String reason) {

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }
}
