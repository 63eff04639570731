package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.results.MetricObservation;
import java.time.Instant;

/** Where a measured value came from: route, facet or check, time, run and producer. */
public record MetricEvidence(
    String source, String from, Instant time, @Nullable String runId, @Nullable String producer) {

  static MetricEvidence of(MetricObservation m) {
    return new MetricEvidence(m.source().label(), m.evidence(), m.time(), m.runId(), m.producer());
  }
}
