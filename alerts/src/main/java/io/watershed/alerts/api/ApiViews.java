package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.alert.Alert;
import io.watershed.alerts.change.Change;
import io.watershed.alerts.delivery.OutboxStore.OutboxView;
import io.watershed.alerts.silence.Silence;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of the alerts API. Times are ISO-8601 UTC strings; enum values are lower case. */
final class ApiViews {

  private ApiViews() {}

  /** One alert: one root cause hitting one product. */
  record AlertView(
      String id,
      String fingerprint,
      String product,
      String domain,
      String severity,
      String impact,
      String state,
      String since,
      @Nullable String resolvedAt,
      @Nullable String resolvedBy,
      @Nullable Acknowledgement acknowledged,
      RootCauseView rootCause,
      String productState,
      @Nullable String reason,
      @Nullable List<NotificationView> notifications) {

    static AlertView of(Alert a, @Nullable List<NotificationView> notifications) {
      return new AlertView(
          a.id(),
          a.fingerprint(),
          a.product(),
          a.domain(),
          lower(a.severity()),
          lower(a.role()),
          lower(a.state()),
          a.since().toString(),
          time(a.resolvedAt()),
          a.resolvedBy() == null ? null : a.resolvedBy().toLowerCase(Locale.ROOT),
          a.acknowledgedAt() == null
              ? null
              : new Acknowledgement(a.acknowledgedBy(), a.acknowledgedAt().toString(), a.acknowledgeComment()),
          new RootCauseView(lower(a.rootCauseKind()), a.rootCauseNode(), a.description(), a.evidence(), a.path()),
          a.productState(),
          a.reason(),
          notifications);
    }
  }

  record Acknowledgement(String by, String at, @Nullable String comment) {}

  /**
   * @param path node ids from the root cause down to the product's dataset
   */
  record RootCauseView(String kind, String node, String description, Map<String, String> evidence, List<String> path) {}

  record AlertList(List<AlertView> alerts, int limit, int offset) {}

  /** A notification in the outbox; the recipient is shown without secrets (address, or scheme://host:port). */
  record NotificationView(
      String id,
      String kind,
      String status,
      String channel,
      String recipient,
      List<String> products,
      int attempts,
      String createdAt,
      @Nullable String nextAttemptAt,
      @Nullable String deliveredAt,
      @Nullable String lastError) {

    static NotificationView of(OutboxView n) {
      return new NotificationView(
          n.id(),
          lower(n.kind()),
          n.status().toLowerCase(Locale.ROOT),
          lower(n.channel()),
          n.recipient(),
          n.products(),
          n.attempts(),
          n.createdAt().toString(),
          time(n.nextAttemptAt()),
          time(n.deliveredAt()),
          n.lastError());
    }
  }

  record NotificationList(List<NotificationView> notifications, int limit, int offset) {}

  record ChangeView(
      String id,
      String kind,
      String node,
      String status,
      String at,
      @Nullable String detectedAt,
      String description,
      Map<String, String> evidence,
      List<String> fields,
      @Nullable String resolvedAt,
      @Nullable String resolvedBy) {

    static ChangeView of(Change c) {
      return new ChangeView(
          c.id(),
          lower(c.kind()),
          c.subject().nodeId(),
          lower(c.status()),
          c.at().toString(),
          time(c.detectedAt()),
          c.description(),
          c.evidence(),
          c.details().fields(),
          time(c.resolvedAt()),
          c.resolvedBy());
    }
  }

  record ChangeList(List<ChangeView> changes, int limit, int offset) {}

  record SilenceView(
      String id,
      @Nullable String product,
      @Nullable String fingerprint,
      @Nullable String rootCauseNode,
      String startsAt,
      String endsAt,
      boolean active,
      String createdBy,
      @Nullable String comment,
      String createdAt) {

    static SilenceView of(Silence s, Instant now) {
      return new SilenceView(
          s.id(),
          s.product(),
          s.fingerprint(),
          s.rootCauseNode(),
          s.startsAt().toString(),
          s.endsAt().toString(),
          s.activeAt(now),
          s.createdBy(),
          s.comment(),
          s.createdAt().toString());
    }
  }

  record SilenceList(List<SilenceView> silences) {}

  /** Body of {@code POST /api/v1/alerts/{id}/ack}. */
  record AckRequest(@Nullable String by, @Nullable String comment) {}

  /**
   * Body of {@code POST /api/v1/silences}: at least one matcher, and {@code endsAt} or {@code duration}.
   */
  record SilenceRequest(
      @Nullable String product,
      @Nullable String fingerprint,
      @Nullable String rootCauseNode,
      @Nullable String startsAt,
      @Nullable String endsAt,
      @Nullable String duration,
      @Nullable String createdBy,
      @Nullable String comment) {}

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  @Nullable
  static String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }
}
