package io.watershed.alerts.channel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message to one recipient about one alert: everything a channel needs to render and send it.
 *
 * <p>Two identities, on purpose. {@code id} names this notification: a retry of the same notification keeps it, so
 * receivers can drop duplicates ({@code X-Watershed-Delivery}, the email {@code Message-ID}). {@code fingerprint}
 * names the alert: the FIRING and the RESOLVED notifications of one problem share it, which is what threads the
 * RESOLVED email under the FIRING one and lets Alertmanager match the two.
 *
 * @param id idempotency key of this notification, 1-200 characters of {@code [A-Za-z0-9._:-]}
 * @param fingerprint identity of the alert (the root-cause group) across its notifications, same alphabet
 * @param kind FIRING, RESOLVED or UPSTREAM_AT_RISK
 * @param severity CRITICAL, WARNING or INFO
 * @param title one line for subjects and headers, e.g. "orders_daily failed"
 * @param summary what broke, for people
 * @param since when the problem started
 * @param resolvedAt when it ended: required for RESOLVED, null otherwise
 * @param rootCause the failure this alert is grouped by
 * @param affectedProducts the recipient's products this notification is about, most important first
 * @param link absolute URL of the alert in the Watershed API, e.g. {@code <baseUrl>/api/v1/alerts/<id>}
 * @param labels a few routing labels (team, env ...): at most 20, names like Prometheus label names, values at most
 *     200 characters
 */
public record Notification(
    String id,
    String fingerprint,
    NotificationKind kind,
    Severity severity,
    String title,
    String summary,
    Instant since,
    Instant resolvedAt,
    RootCause rootCause,
    List<AffectedProduct> affectedProducts,
    URI link,
    Map<String, String> labels) {

  /** Label names must be valid Prometheus label names so Alertmanager can carry them unchanged. */
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]{0,62}");

  static final int MAX_LABELS = 20;
  static final int MAX_LABEL_VALUE = 200;

  public Notification {
    Checks.requireKey(id, "id");
    Checks.requireKey(fingerprint, "fingerprint");
    Objects.requireNonNull(kind, "kind is required");
    Objects.requireNonNull(severity, "severity is required");
    Checks.requireText(title, "title", 500);
    Checks.requireText(summary, "summary", 4000);
    Objects.requireNonNull(since, "since is required");
    if (kind == NotificationKind.RESOLVED) {
      Objects.requireNonNull(resolvedAt, "resolvedAt is required for a RESOLVED notification");
      if (resolvedAt.isBefore(since)) {
        throw new IllegalArgumentException("resolvedAt is before since");
      }
    } else if (resolvedAt != null) {
      throw new IllegalArgumentException("resolvedAt is only allowed on a RESOLVED notification");
    }
    Objects.requireNonNull(rootCause, "rootCause is required");
    affectedProducts = Checks.listCopy(affectedProducts);
    Checks.requireHttpUrl(link, "link");
    labels = Checks.sortedCopy(Checks.orderedCopy(labels, "labels", MAX_LABELS));
    labels.forEach(
        (name, value) -> {
          if (!LABEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("label name must match [a-zA-Z_][a-zA-Z0-9_]*: " + name);
          }
          if (value.length() > MAX_LABEL_VALUE) {
            throw new IllegalArgumentException("label " + name + " is longer than " + MAX_LABEL_VALUE);
          }
        });
  }
}
