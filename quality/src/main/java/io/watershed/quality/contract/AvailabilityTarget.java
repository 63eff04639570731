package io.watershed.quality.contract;

import java.time.Duration;
import java.util.Objects;

/**
 * The share of time, over a rolling window, a product must meet all its objectives: {@code 0.99} over 30 days allows
 * about 7h12m of violation, its error budget.
 */
public record AvailabilityTarget(double target, Duration window) {

  public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  public AvailabilityTarget {
    Objects.requireNonNull(window, "window");
    if (!(target > 0.0 && target <= 1.0)) {
      throw new IllegalArgumentException("availability target must be greater than 0 and at most 1: " + target);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("availability window must be positive: " + window);
    }
  }

  public static AvailabilityTarget of(double target) {
    return new AvailabilityTarget(target, DEFAULT_WINDOW);
  }

  /** The violation time the target allows over one window. */
  public Duration errorBudget() {
    return Duration.ofMillis(Math.round(window.toMillis() * (1.0 - target)));
  }
}
