package io.watershed.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String BEFORE =
      """
      # HELP watershed_ingest_events_total OpenLineage events received
      # TYPE watershed_ingest_events_total counter
      watershed_ingest_events_total{outcome="accepted",producer="github.com/a/b",reason="none"} 10.0
      watershed_ingest_events_total{outcome="accepted",producer="other",reason="none"} 5.0
      watershed_ingest_events_total{outcome="rejected",producer="other",reason="invalid"} 1.0
      watershed_ingest_transaction_events_bucket{le="1.0"} 2
      watershed_ingest_transaction_events_bucket{le="10.0"} 2
      watershed_ingest_transaction_events_bucket{le="100.0"} 2
      watershed_ingest_transaction_events_bucket{le="+Inf"} 2
      watershed_ingest_queue_events 0.0
      """;

  private static final String AFTER =
      """
      watershed_ingest_events_total{outcome="accepted",producer="github.com/a/b",reason="none"} 110.0
      watershed_ingest_events_total{outcome="accepted",producer="other",reason="none"} 5.0
      watershed_ingest_events_total{outcome="rejected",producer="other",reason="invalid"} 1.0
      watershed_ingest_transaction_events_bucket{le="1.0"} 3
      watershed_ingest_transaction_events_bucket{le="10.0"} 92
      watershed_ingest_transaction_events_bucket{le="100.0"} 102
      watershed_ingest_transaction_events_bucket{le="+Inf"} 102
      weird_label{path="a\\"b,c"} 1e3
      """;

  @Test
  void shouldSumSeriesMatchingLabels() {
    PrometheusText before = PrometheusText.parse(BEFORE);

    assertThat(before.sum("watershed_ingest_events_total", Map.of("outcome", "accepted"))).isEqualTo(15.0);
    assertThat(before.sum("watershed_ingest_events_total")).isEqualTo(16.0);
    assertThat(before.sum("absent_metric")).isZero();
  }

  @Test
  void shouldParseEscapedLabelValuesAndExponents() {
    PrometheusText after = PrometheusText.parse(AFTER);

    assertThat(after.sum("weird_label", Map.of("path", "a\"b,c"))).isEqualTo(1000.0);
  }

  @Test
  void shouldFindTheBucketOfAQuantileBetweenTwoScrapes() {
    PrometheusText before = PrometheusText.parse(BEFORE);
    PrometheusText after = PrometheusText.parse(AFTER);

    // 100 new observations: 1 in (0,1], 89 in (1,10], 10 in (10,100].
    assertThat(PrometheusText.quantileBetween(before, after, "watershed_ingest_transaction_events", Map.of(), 0.5)).isEqualTo(10.0);
    assertThat(PrometheusText.quantileBetween(before, after, "watershed_ingest_transaction_events", Map.of(), 0.9)).isEqualTo(10.0);
    assertThat(PrometheusText.quantileBetween(before, after, "watershed_ingest_transaction_events", Map.of(), 0.99)).isEqualTo(100.0);
    assertThat(PrometheusText.quantileBetween(after, after, "watershed_ingest_transaction_events", Map.of(), 0.5)).isNaN();
  }
}
