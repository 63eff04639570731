package io.watershed.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.channel.Severity;
import io.watershed.alerts.routing.ProductDirectory.ProductInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationFactoryTest {

  private static final Instant SINCE = Instant.parse("2026-03-02T04:00:00Z");
  private final NotificationFactory factory = new NotificationFactory("https://watershed.example.com/",
      new AlertsSettings(true, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 2000, 20, 3,
          100, Duration.ZERO, Map.of("env", "prod")));

  static Alert alert(String product, AlertRole role, Severity severity, AlertState state, Instant since) {
    return new Alert("id-" + product, "3f9a1c7e2b5d4e60", product, "customer", severity, role, state, since, since,
        since, state == AlertState.RESOLVED ? since.plus(Duration.ofHours(3)) : null,
        state == AlertState.RESOLVED ? "RECOVERED" : null, null, null, null, RootCauseKind.RUN_FAILED,
        "job:airflow:etl.orders_daily", "Run r1 of etl.orders_daily ended FAIL: quota.", Map.of("runId", "r1"),
        List.of("job:airflow:etl.orders_daily", "dataset:bq:shop.orders_daily"),
        role == AlertRole.DIRECT ? "not refreshed" : "at risk", null);
  }

  @Test
  void shouldListTheRecipientsProductsMostImportantFirstWithTheHighestSeverity() {
    List<Alert> alerts = List.of(
        alert("churn", AlertRole.AT_RISK, Severity.CRITICAL, AlertState.FIRING, SINCE.plusSeconds(60)),
        alert("c360", AlertRole.DIRECT, Severity.WARNING, AlertState.FIRING, SINCE),
        alert("clv", AlertRole.AT_RISK, Severity.INFO, AlertState.FIRING, SINCE));
    Map<String, ProductInfo> products = Map.of("c360",
        new ProductInfo("c360", "customer", Severity.WARNING, List.of("a@corp.test", "b@corp.test"), List.of(), List.of()));

    Notification n = factory.build("3f9a1c7e2b5d4e60:1a2b3c4d:1:firing", NotificationKind.FIRING, alerts, products,
        SINCE.plusSeconds(120));

    assertThat(n.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(n.since()).isEqualTo(SINCE);
    assertThat(n.affectedProducts()).extracting(p -> p.name() + "|" + p.owner() + "|" + p.state())
        .containsExactly("c360|a@corp.test, b@corp.test|not refreshed", "churn|no owner|at risk", "clv|no owner|at risk");
    assertThat(n.title()).isEqualTo("etl.orders_daily failed");
    assertThat(n.summary()).isEqualTo("Run r1 of etl.orders_daily ended FAIL: quota. It affects 3 of your data products.");
    assertThat(n.link().toString())
        .isEqualTo("https://watershed.example.com/api/v1/alerts?fingerprint=3f9a1c7e2b5d4e60");
    assertThat(n.labels()).containsEntry("env", "prod");
    assertThat(n.rootCause().upstreamPath()).containsExactly("job:airflow:etl.orders_daily", "dataset:bq:shop.orders_daily");
  }

  @Test
  void shouldSayWhenItEndedAndThatTheProductsRecovered() {
    Notification n = factory.build("x:1:2:resolved", NotificationKind.RESOLVED,
        List.of(alert("c360", AlertRole.DIRECT, Severity.WARNING, AlertState.RESOLVED, SINCE)), Map.of(),
        SINCE.plus(Duration.ofHours(5)));

    assertThat(n.resolvedAt()).isEqualTo(SINCE.plus(Duration.ofHours(3)));
    assertThat(n.affectedProducts().get(0).state()).isEqualTo("recovered");
    assertThat(n.summary()).endsWith("The job ran again. This is over for 1 of your data products.");
  }

  @Test
  void shouldTitleEachKindOfRootCause() {
    Alert a = alert("p", AlertRole.DIRECT, Severity.INFO, AlertState.FIRING, SINCE);
    assertThat(NotificationFactory.title(withCause(a, RootCauseKind.SCHEMA_BREAKING, "dataset:bq:shop.orders")))
        .isEqualTo("Breaking schema change in shop.orders");
    assertThat(NotificationFactory.title(withCause(a, RootCauseKind.STALE, "dataset:bq:mart.kpis")))
        .isEqualTo("mart.kpis is stale");
    assertThat(NotificationFactory.title(withCause(a, RootCauseKind.CHECK_FAILED, "dataset:bq:shop.orders")))
        .isEqualTo("Quality check failed on shop.orders");
  }

  private static Alert withCause(Alert a, RootCauseKind kind, String node) {
    return new Alert(a.id(), a.fingerprint(), a.product(), a.domain(), a.severity(), a.role(), a.state(), a.since(),
        a.createdAt(), a.updatedAt(), a.resolvedAt(), a.resolvedBy(), null, null, null, kind, node, a.description(),
        a.evidence(), a.path(), a.productState(), a.reason());
  }
}
