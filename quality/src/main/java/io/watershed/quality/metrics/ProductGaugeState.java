package io.watershed.quality.metrics;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.evaluation.ColumnCompleteness;
import io.watershed.quality.evaluation.Evaluation;
import io.watershed.quality.evaluation.PortFreshness;
import io.watershed.quality.evaluation.SloState;
import io.watershed.quality.slo.ComplianceCalculator;
import io.watershed.quality.slo.SlaReport;
import io.watershed.quality.slo.SloInterval;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one product's gauges read. Values that grow with time (freshness age, SLA compliance of an open interval) are
 * computed at scrape time from the last evaluation and the clock, so they are exact between evaluations.
 */
final class ProductGaugeState {

  private final Clock clock;
  private volatile Instant activeSince;
  private volatile Evaluation evaluation;
  private volatile List<SloInterval> intervals;
  private volatile Duration window;
  private volatile @Nullable Double target;

  ProductGaugeState(Clock clock, Instant activeSince, Evaluation evaluation, List<SloInterval> intervals,
      Duration window, @Nullable Double target) {
    this.clock = clock;
    update(activeSince, evaluation, intervals, window, target);
  }

  void update(Instant activeSince, Evaluation evaluation, List<SloInterval> intervals, Duration window,
      @Nullable Double target) {
    this.activeSince = Objects.requireNonNull(activeSince);
    this.evaluation = Objects.requireNonNull(evaluation);
    this.intervals = List.copyOf(intervals);
    this.window = window;
    this.target = target;
  }

  double freshnessAge() {
    Evaluation e = evaluation;
    if (e.freshnessObjective() == null || e.freshness().isEmpty()) {
      return Double.NaN;
    }
    Instant now = clock.instant();
    double max = 0;
    for (PortFreshness port : e.freshness()) {
      Instant since = port.lastUpdate() != null ? port.lastUpdate() : activeSince;
      max = Math.max(max, Math.max(0, Duration.between(since, now).toMillis()) / 1000.0);
    }
    return max;
  }

  double freshnessObjective() {
    Duration objective = evaluation.freshnessObjective();
    return objective == null ? Double.NaN : objective.toMillis() / 1000.0;
  }

  double completeness(String column) {
    return evaluation.completeness().stream()
        .filter(c -> c.column().equals(column) && c.observedRatio() != null)
        .mapToDouble(ColumnCompleteness::observedRatio)
        .min()
        .orElse(Double.NaN);
  }

  double checksPassing() {
    Double ratio = evaluation.checksPassingRatio();
    return ratio == null ? Double.NaN : ratio;
  }

  double inSlo() {
    SloState state = evaluation.state();
    return state == SloState.IN_SLO ? 1 : state == SloState.OUT_OF_SLO ? 0 : Double.NaN;
  }

  double target() {
    Double t = target;
    return t == null ? Double.NaN : t;
  }

  SlaReport report() {
    return ComplianceCalculator.report(intervals, window, target, clock.instant());
  }

  static double orNaN(@Nullable Double value) {
    return value == null ? Double.NaN : value;
  }
}
