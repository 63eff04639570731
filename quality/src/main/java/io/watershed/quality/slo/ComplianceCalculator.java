package io.watershed.quality.slo;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.evaluation.SloState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * SLA compliance, error budget and burn rates from state intervals, exactly (no sampling). Time a product did not
 * exist is in no interval and counts for nothing; UNKNOWN time neither meets nor violates. Pure: "now" is a
 * parameter.
 */
public final class ComplianceCalculator {

  public static final Duration SHORT_BURN_WINDOW = Duration.ofHours(1);
  public static final Duration LONG_BURN_WINDOW = Duration.ofHours(6);

  private ComplianceCalculator() {}

  /**
   * @param intervals the product's intervals overlapping {@code [now - window, now]} (others are ignored)
   * @param target the availability target, or null for none
   */
  public static SlaReport report(List<SloInterval> intervals, Duration window, @Nullable Double target, Instant now) {
    Instant from = now.minus(window);
    Map<SloState, Double> seconds = secondsByState(intervals, from, now);
    double in = seconds.get(SloState.IN_SLO);
    double out = seconds.get(SloState.OUT_OF_SLO);
    double unknown = seconds.get(SloState.UNKNOWN);
    Double compliance = in + out > 0 ? in / (in + out) : null;
    Double budget = null;
    Double remaining = null;
    Double remainingRatio = null;
    Double burn1h = null;
    Double burn6h = null;
    if (target != null) {
      budget = (1.0 - target) * seconds(window);
      remaining = budget - out;
      remainingRatio = budget > 0 ? remaining / budget : (out > 0 ? 0.0 : 1.0);
      burn1h = burnRate(intervals, SHORT_BURN_WINDOW, target, now);
      burn6h = burnRate(intervals, LONG_BURN_WINDOW, target, now);
    }
    return new SlaReport(from, now, window.toSeconds(), in, out, unknown, compliance, target, budget, remaining,
        remainingRatio, burn1h, burn6h);
  }

  /** {@code (violation time in the last span / span) / (1 - target)}; null when the target leaves no budget. */
  static @Nullable Double burnRate(List<SloInterval> intervals, Duration span, double target, Instant now) {
    if (target >= 1.0) {
      return null;
    }
    double out = secondsByState(intervals, now.minus(span), now).get(SloState.OUT_OF_SLO);
    return (out / seconds(span)) / (1.0 - target);
  }

  /** Seconds per state within {@code [from, to]}; an open interval lasts until {@code to}. */
  static Map<SloState, Double> secondsByState(List<SloInterval> intervals, Instant from, Instant to) {
    Map<SloState, Double> seconds = new EnumMap<>(SloState.class);
    for (SloState state : SloState.values()) {
      seconds.put(state, 0.0);
    }
    for (SloInterval interval : intervals) {
      Instant start = interval.from().isBefore(from) ? from : interval.from();
      Instant end = interval.to() == null || interval.to().isAfter(to) ? to : interval.to();
      if (end.isAfter(start)) {
        seconds.merge(interval.state(), seconds(Duration.between(start, end)), Double::sum);
      }
    }
    return seconds;
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
