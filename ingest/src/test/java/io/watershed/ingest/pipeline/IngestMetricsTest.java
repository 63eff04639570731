package io.watershed.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

  @Test
  void shouldDropVersionsFromProducerLabels() {
    assertThat(IngestMetrics.normalise("https://github.com/apache/airflow/tree/providers-openlineage/1.14.0"))
        .isEqualTo("github.com/apache/airflow");
    assertThat(IngestMetrics.normalise("https://github.com/OpenLineage/OpenLineage/tree/1.19.0/integration/spark"))
        .isEqualTo("github.com/openlineage/openlineage");
    assertThat(IngestMetrics.normalise(null)).isEqualTo("unknown");
    assertThat(IngestMetrics.normalise("not a uri")).isEqualTo("unparseable");
  }

  @Test
  void shouldBoundTheNumberOfProducerLabels() {
    IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    for (int i = 0; i < IngestMetrics.MAX_PRODUCERS + 10; i++) {
      metrics.producerLabel("https://producer-" + i + ".example.com/x");
    }
    assertThat(metrics.producerLabel("https://one-more.example.com/x")).isEqualTo("other");
    assertThat(metrics.producerLabel("https://producer-0.example.com/x")).isEqualTo("producer-0.example.com/x");
  }
}
