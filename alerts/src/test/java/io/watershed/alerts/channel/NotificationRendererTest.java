package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationRendererTest {

  private final NotificationRenderer renderer = new NotificationRenderer();

  @Test
  void shouldNameKindSeverityFirstProductAndTitleInTheSubject() {
    assertThat(renderer.subject(SampleNotifications.firing()))
        .isEqualTo("[FIRING][CRITICAL] customer-360 and 2 more: orders_daily failed");
    assertThat(renderer.subject(SampleNotifications.atRisk()))
        .isEqualTo("[UPSTREAM AT RISK][WARNING] marketing-attribution: orders_daily failed upstream of your products");
    assertThat(renderer.subject(SampleNotifications.withProducts(SampleNotifications.firing(), List.of())))
        .isEqualTo("[FIRING][CRITICAL] orders_daily failed");
  }

  @Test
  void shouldKeepSubjectsOnOneBoundedLine() {
    Notification n = SampleNotifications.withText(SampleNotifications.firing(), "line one\r\nline two " + "x".repeat(400),
        "summary");

    String subject = renderer.subject(n);

    assertThat(subject).doesNotContain("\n").doesNotContain("\r").contains("line one line two");
    assertThat(subject).hasSize(NotificationRenderer.MAX_SUBJECT).endsWith("…");
  }

  @Test
  void shouldSayWhatBrokeSinceRootCauseProductsAndLinkInText() {
    assertThat(renderer.plainText(SampleNotifications.firing())).isEqualTo("""
        FIRING · CRITICAL
        orders_daily failed

        What broke:  The Airflow task etl.orders_daily failed, so shop.sales.orders_daily was not refreshed and \
        the products that read it are stale.
        Since:       2026-03-02 04:00:00 UTC
        Root cause:  run failed at job:airflow:etl.orders_daily
                     Run ended FAIL after 3 attempts: BigQuery job exceeded its slot quota
        Evidence:    runId=0195d2c4-8f1e-7a3b-9c2d-4e5f6a7b8c9d, attempts=3
        Upstream:    job:airflow:etl.orders_daily -> dataset:bigquery:shop.sales.orders_daily -> \
        dataset:bigquery:shop.marts.customer_360

        Affected data products (3):
          - customer-360 (domain customer, owner customer-analytics@company.com): stale, orders_daily is 30h old, \
        objective 24h
          - customer-lifetime-value (domain customer, owner customer-analytics@company.com): stale
          - churn-scores (domain customer, owner customer-analytics@company.com): failing checks, row count 0, \
        expected at least 1000

        Labels:      env=prod, team=customer-analytics
        Details:     https://watershed.example.com/api/v1/alerts/3f9a1c7e2b5d4e60
        Alert:       3f9a1c7e2b5d4e60
        """);
  }

  @Test
  void shouldSayWhenAndAfterHowLongItResolved() {
    String text = renderer.plainText(SampleNotifications.resolved());

    assertThat(text).startsWith("RESOLVED · CRITICAL\n")
        .contains("Resolved:    2026-03-02 07:20:00 UTC, after 3h 20m\n")
        .contains("Data products that were affected (3):");
    assertThat(renderer.plainText(SampleNotifications.atRisk())).contains("Data products at risk (1):");
  }

  @Test
  void shouldCarryTheSameFactsInHtmlAndEscapeThem() {
    Notification n = SampleNotifications.withText(SampleNotifications.firing(), "orders <b>daily</b>",
        "<script>alert('x')</script> & more");

    String html = renderer.html(n);

    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .contains("orders &lt;b&gt;daily&lt;/b&gt;")
        .doesNotContain("<script>")
        .contains("2026-03-02 04:00:00 UTC")
        .contains("<code>job:airflow:etl.orders_daily</code>")
        .contains("<li>customer-360 (domain customer, owner customer-analytics@company.com): stale")
        .contains("href=\"https://watershed.example.com/api/v1/alerts/3f9a1c7e2b5d4e60\"");
  }

  @Test
  void shouldListAtMostFiftyProductsInTextAndSayHowManyMore() {
    String text = renderer.plainText(SampleNotifications.firingWithProducts(64));

    assertThat(text.lines().filter(line -> line.startsWith("  - product-"))).hasSize(50);
    assertThat(text).contains("  - and 14 more\n").contains("Affected data products (64):");
  }

  @Test
  void shouldElideTheMiddleOfLongUpstreamPaths() {
    List<String> path = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      path.add("dataset:bq:p.d.t" + i);
    }
    RootCause cause = new RootCause(RootCauseKind.STALE, "dataset:bq:p.d.t1", "stale", null, path);

    assertThat(renderer.upstreamPathLine(cause)).isEqualTo(
        "dataset:bq:p.d.t1 -> dataset:bq:p.d.t2 -> dataset:bq:p.d.t3 -> dataset:bq:p.d.t4 -> … 13 more … -> "
            + "dataset:bq:p.d.t18 -> dataset:bq:p.d.t19 -> dataset:bq:p.d.t20");
  }

  @Test
  void shouldFormatDurationsInTheirTwoLargestUnits() {
    assertThat(Text.duration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(Text.duration(Duration.ofMinutes(200))).isEqualTo("3h 20m");
    assertThat(Text.duration(Duration.ofHours(52).plusMinutes(5))).isEqualTo("2d 4h");
    assertThat(Text.duration(Duration.ofHours(3).plusSeconds(5))).isEqualTo("3h");
    assertThat(Text.duration(Duration.ZERO)).isEqualTo("0s");
  }
}
