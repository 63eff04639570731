package io.watershed.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The Neo4j transaction timer that ingest registers for {@code operation="ingest"}, for the metrics' own reads. It
 * is built exactly as ingest builds it (same histogram), because one Prometheus family must have one shape.
 */
final class Neo4jTimers {

  private Neo4jTimers() {}

  static Timer timer(MeterRegistry registry, String operation) {
    return Timer.builder(MetricNames.NEO4J_TRANSACTION)
        .description("Duration of Neo4j transactions, by operation")
        .tag(MetricNames.TAG_OPERATION, operation)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }
}
