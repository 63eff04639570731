package io.watershed.server.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void shouldFindTheMetricInsideAggregationsFunctionsAndGrafanaVariables() {
    assertThat(PromQl.metricNames(
            "sum by (product, state) (increase(watershed_product_runs_total{domain=~\"$domain\", "
                + "product=~\"${product}\"}[$__rate_interval]))"))
        .containsExactly("watershed_product_runs_total");
  }

  @Test
  void shouldSkipGroupingLabelsAndVectorMatching() {
    assertThat(PromQl.metricNames(
            "avg_over_time(product:watershed_product_slo_violation:bool[5m]) / on (product, domain) group_left ()"
                + " (1 - (watershed_product_sla_target_ratio < 1))"))
        .containsExactly("product:watershed_product_slo_violation:bool", "watershed_product_sla_target_ratio");
  }

  @Test
  void shouldSkipNumbersKeywordsStringsAndDurations() {
    assertThat(PromQl.metricNames(
            "histogram_quantile(0.95, sum(rate(a_bucket[5m] offset 1h)) by (le)) > bool 1e-9 "
                + "and label_replace(b, \"dst\", \"$1\", \"src\", \"not_a_metric\") unless c == inf"))
        .containsExactly("a_bucket", "b", "c");
  }

  @Test
  void shouldFindEveryOperandOfBinaryExpressions() {
    assertThat(PromQl.metricNames("time() - watershed_product_last_update_timestamp_seconds{job=\"x\"}"))
        .containsExactly("watershed_product_last_update_timestamp_seconds");
    assertThat(PromQl.metricNames("sum(a{x=\"1\"} < bool on (p) b) / count(c)")).containsExactly("a", "b", "c");
  }

  @Test
  void shouldReadTheMetricOfAVariableQueryButNotItsLabel() {
    assertThat(PromQl.variableMetricNames("label_values(watershed_product_in_slo{domain=~\"$domain\"}, product)"))
        .containsExactly("watershed_product_in_slo");
    assertThat(PromQl.variableMetricNames("label_values(domain)")).isEmpty();
    assertThat(PromQl.variableMetricNames("query_result(topk(5, watershed_product_reads))"))
        .containsExactly("watershed_product_reads");
  }
}
