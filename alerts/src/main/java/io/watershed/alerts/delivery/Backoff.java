package io.watershed.alerts.delivery;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed notification again: exponential ({@code initial * 2^(attempt-1)}, capped at {@code max}) with
 * "equal jitter" (a random point in the upper half), so notifications that failed together do not retry together.
 * A receiver's {@code Retry-After} is a floor, honoured up to {@link #MAX_RETRY_AFTER}.
 */
public final class Backoff {

  static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  public Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait after the {@code attempt}-th failed attempt (1 for the first). */
  public Duration delay(int attempt, Optional<Duration> retryAfter) {
    long cap = max.toMillis();
    long base = initial.toMillis();
    for (int i = 1; i < attempt && base < cap; i++) {
      base *= 2;
    }
    base = Math.min(base, cap);
    long half = base / 2;
    long jittered = half + (half == 0 ? 0 : random.nextLong(base - half + 1));
    long floor = retryAfter.map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER.toMillis())).orElse(0L);
    return Duration.ofMillis(Math.max(jittered, floor));
  }
}
