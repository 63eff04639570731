package io.watershed.server.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.server.dashboards.ShippedDashboards.Query;
import io.watershed.server.dashboards.ShippedDashboards.RuleFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricReferencesTest {

  private static final RuleFile RULES = RuleFile.parse("made-up.yml", """
      groups:
        - name: made-up
          rules:
            - record: job:watershed_made_up:rate5m
              expr: sum by (job) (rate(watershed_made_up_total[5m]))
            - alert: MadeUpIsHigh
              expr: job:watershed_made_up:rate5m > 1 and on (job) up == 1
      """);

  @Test
  void shouldReportARuleReadingAMetricThatNothingExposes() {
    MetricReferences references = new MetricReferences(List.of(), List.of(), List.of(RULES));

    assertThat(references.missing(Set.of("watershed_ingest_events_total")))
        .containsOnlyKeys("watershed_made_up_total")
        .containsEntry("watershed_made_up_total", List.of("made-up.yml / job:watershed_made_up:rate5m"));
  }

  @Test
  void shouldResolveRecordingRulesAndPrometheusOwnSeries() {
    MetricReferences references = new MetricReferences(
        List.of(new Query("a panel", "job:watershed_made_up:rate5m")), List.of(), List.of(RULES));

    assertThat(references.scrapedNames()).containsExactly("watershed_made_up_total");
    assertThat(references.missing(Set.of("watershed_made_up_total"))).isEmpty();
  }

  @Test
  void shouldReportADashboardPanelOrVariableReadingAMissingMetric() {
    MetricReferences references = new MetricReferences(
        List.of(new Query("Producers / Runs [A]", "rate(watershed_product_runz_total[5m])")),
        List.of(new Query("Producers / $domain", "label_values(watershed_product_runs_total, domain)")),
        List.of());

    assertThat(references.missing(Set.of("watershed_product_runs_total")))
        .containsOnlyKeys("watershed_product_runz_total");
  }

  @Test
  void shouldFindTheMetricsOfEveryShippedDashboardAndRule() {
    MetricReferences references = MetricReferences.shipped();

    assertThat(references.scrapedNames())
        .contains("watershed_product_in_slo", "watershed_product_runs_total",
            "watershed_product_run_duration_seconds_bucket", "watershed_product_consumer_jobs",
            "watershed_product_reads", "watershed_ingest_events_total", "watershed_neo4j_transaction_seconds_bucket")
        .allMatch(name -> !name.contains(":"), "recording rule names are resolved, not scraped");
  }
}
