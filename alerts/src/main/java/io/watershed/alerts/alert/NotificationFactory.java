package io.watershed.alerts.alert;

import io.micronaut.context.annotation.Value;
import io.watershed.alerts.channel.AffectedProduct;
import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.channel.RootCause;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.channel.Severity;
import io.watershed.alerts.routing.ProductDirectory.ProductInfo;
import io.watershed.graph.lineage.InvalidNodeIdException;
import io.watershed.graph.lineage.NodeId;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the notification one recipient gets about one root cause: what broke (the root cause, its evidence and
 * the path down to their product), since when, and which of their products it hits.
 */
@Singleton
public class NotificationFactory {

  /** Most important first: products hit directly, then by severity, then by name. */
  static final Comparator<Alert> IMPORTANCE =
      Comparator.comparing((Alert a) -> a.role() == AlertRole.DIRECT ? 0 : 1)
          .thenComparing(Alert::severity)
          .thenComparing(Alert::product);

  private final String publicUrl;
  private final AlertsSettings settings;

  public NotificationFactory(
      @Value("${watershed.public-url:`http://localhost:5000`}") String publicUrl, AlertsSettings settings) {
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.settings = settings;
  }

  /**
   * @param alerts the recipient's alerts of one root cause that this notification is about; not empty
   * @param products what the contracts say about those alerts' products
   */
  public Notification build(
      String id, NotificationKind kind, List<Alert> alerts, Map<String, ProductInfo> products, Instant now) {
    List<Alert> sorted = alerts.stream().sorted(IMPORTANCE).toList();
    Alert first = sorted.get(0);
    Severity severity = sorted.stream().map(Alert::severity).min(Comparator.naturalOrder()).orElseThrow();
    Instant since = sorted.stream().map(Alert::since).min(Comparator.naturalOrder()).orElseThrow();
    Instant resolvedAt = null;
    if (kind == NotificationKind.RESOLVED) {
      resolvedAt = sorted.stream().map(a -> a.resolvedAt() == null ? now : a.resolvedAt())
          .max(Comparator.naturalOrder()).orElse(now);
      resolvedAt = resolvedAt.isBefore(since) ? since : resolvedAt;
    }
    List<AffectedProduct> affected = new ArrayList<>();
    for (Alert a : sorted) {
      ProductInfo info = products.get(a.product());
      String owner = info == null ? "no owner" : info.ownerText();
      affected.add(new AffectedProduct(a.product(), a.domain(), clip(owner, 320), state(kind, a), a.reason()));
    }
    RootCause cause =
        new RootCause(first.rootCauseKind(), first.rootCauseNode(), clip(first.description(), 4000),
            evidence(first.evidence()), first.path());
    return new Notification(
        id,
        first.fingerprint(),
        kind,
        severity,
        clip(title(first), 500),
        clip(summary(kind, first, sorted.size()), 4000),
        since,
        resolvedAt,
        cause,
        affected,
        URI.create(publicUrl + "/api/v1/alerts?fingerprint="
            + URLEncoder.encode(first.fingerprint(), StandardCharsets.UTF_8)),
        settings.labels());
  }

  private static String state(NotificationKind kind, Alert a) {
    if (kind == NotificationKind.RESOLVED) {
      if (a.state() == AlertState.FIRING) {
        return "no longer routed here";
      }
      return "ACKNOWLEDGED".equals(a.resolvedBy()) ? "acknowledged" : "recovered";
    }
    return a.productState();
  }

  static String title(Alert a) {
    String name = nodeName(a.rootCauseNode());
    return switch (a.rootCauseKind()) {
      case RUN_FAILED -> name + " failed";
      case SCHEMA_BREAKING -> "Breaking schema change in " + name;
      case LIFECYCLE_CHANGE -> a.description();
      case CHECK_FAILED -> "Quality check failed on " + name;
      case STALE -> name + " is stale";
      case INCOMPLETE -> name + " is incomplete";
    };
  }

  private static String summary(NotificationKind kind, Alert first, int products) {
    String what = first.description().strip();
    if (what.endsWith(".")) {
      what = what.substring(0, what.length() - 1);
    }
    String count = products == 1 ? "1 of your data products" : products + " of your data products";
    return switch (kind) {
      case FIRING -> what + ". It affects " + count + ".";
      case UPSTREAM_AT_RISK -> what + ". It is upstream of " + count + ", which may be hit when they next update.";
      case RESOLVED -> what + ". " + (first.rootCauseKind() == RootCauseKind.RUN_FAILED ? "The job ran again. " : "")
          + "This is over for " + count + ".";
    };
  }

  private static String nodeName(String nodeId) {
    try {
      return NodeId.parse(nodeId).name();
    } catch (InvalidNodeIdException e) {
      return nodeId;
    }
  }

  /** At most 20 entries with keys of at most 64 characters: the channels' limits. */
  private static Map<String, String> evidence(Map<String, String> evidence) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : evidence.entrySet()) {
      if (out.size() == 20) {
        break;
      }
      String key = e.getKey().length() > 64 ? e.getKey().substring(0, 64) : e.getKey();
      if (!key.isBlank()) {
        out.put(key, e.getValue());
      }
    }
    return out;
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
