package io.watershed.alerts.channel;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The story every channel test tells: the Airflow task {@code etl.orders_daily} failed at 04:00 UTC, so
 * {@code shop.sales.orders_daily} was not refreshed and three products of the customer-analytics team that read it
 * went stale. It recovered at 07:20. The docs' example payloads are these notifications.
 */
final class SampleNotifications {

  static final String FINGERPRINT = "3f9a1c7e2b5d4e60";
  static final Instant SINCE = Instant.parse("2026-03-02T04:00:00Z");
  static final Instant RESOLVED_AT = Instant.parse("2026-03-02T07:20:00Z");
  static final URI LINK = URI.create("https://watershed.example.com/api/v1/alerts/" + FINGERPRINT);

  private SampleNotifications() {}

  static RootCause rootCause() {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("runId", "0195d2c4-8f1e-7a3b-9c2d-4e5f6a7b8c9d");
    evidence.put("attempts", "3");
    return new RootCause(
        RootCauseKind.RUN_FAILED,
        "job:airflow:etl.orders_daily",
        "Run ended FAIL after 3 attempts: BigQuery job exceeded its slot quota",
        evidence,
        List.of(
            "job:airflow:etl.orders_daily",
            "dataset:bigquery:shop.sales.orders_daily",
            "dataset:bigquery:shop.marts.customer_360"));
  }

  static List<AffectedProduct> products() {
    return List.of(
        new AffectedProduct("customer-360", "customer", "customer-analytics@company.com", "stale",
            "orders_daily is 30h old, objective 24h"),
        new AffectedProduct("customer-lifetime-value", "customer", "customer-analytics@company.com", "stale", null),
        new AffectedProduct("churn-scores", "customer", "customer-analytics@company.com", "failing checks",
            "row count 0, expected at least 1000"));
  }

  static Notification firing() {
    return new Notification(
        FINGERPRINT + ":firing",
        FINGERPRINT,
        NotificationKind.FIRING,
        Severity.CRITICAL,
        "orders_daily failed",
        "The Airflow task etl.orders_daily failed, so shop.sales.orders_daily was not refreshed"
            + " and the products that read it are stale.",
        SINCE,
        null,
        rootCause(),
        products(),
        LINK,
        Map.of("env", "prod", "team", "customer-analytics"));
  }

  static Notification resolved() {
    return new Notification(
        FINGERPRINT + ":resolved",
        FINGERPRINT,
        NotificationKind.RESOLVED,
        Severity.CRITICAL,
        "orders_daily failed",
        "The Airflow task etl.orders_daily failed, so shop.sales.orders_daily was not refreshed"
            + " and the products that read it are stale.",
        SINCE,
        RESOLVED_AT,
        rootCause(),
        products(),
        LINK,
        Map.of("env", "prod", "team", "customer-analytics"));
  }

  static Notification atRisk() {
    return new Notification(
        "a71c04d9e3f2b815:upstream_at_risk",
        "a71c04d9e3f2b815",
        NotificationKind.UPSTREAM_AT_RISK,
        Severity.WARNING,
        "orders_daily failed upstream of your products",
        "etl.orders_daily failed; marketing-attribution reads its output and may be stale next.",
        SINCE,
        null,
        rootCause(),
        List.of(new AffectedProduct("marketing-attribution", "marketing", "marketing-data@company.com", "at risk",
            "reads shop.marts.customer_360")),
        URI.create("https://watershed.example.com/api/v1/alerts/a71c04d9e3f2b815"),
        Map.of());
  }

  /** The firing notification with {@code count} products, to hit list limits. */
  static Notification firingWithProducts(int count) {
    List<AffectedProduct> products = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      products.add(new AffectedProduct(String.format("product-%02d", i), i % 2 == 0 ? "customer" : "order",
          "owner-" + i + "@company.com", "stale", "reads orders_daily"));
    }
    return withProducts(firing(), products);
  }

  static Notification withProducts(Notification n, List<AffectedProduct> products) {
    return new Notification(n.id(), n.fingerprint(), n.kind(), n.severity(), n.title(), n.summary(), n.since(),
        n.resolvedAt(), n.rootCause(), products, n.link(), n.labels());
  }

  static Notification withText(Notification n, String title, String summary) {
    return new Notification(n.id(), n.fingerprint(), n.kind(), n.severity(), title, summary, n.since(),
        n.resolvedAt(), n.rootCause(), n.affectedProducts(), n.link(), n.labels());
  }
}
