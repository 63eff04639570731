package io.watershed.bench.stats;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n sorted values is the value at rank
 * {@code ceil(p/100 * n)} (1-based). It always returns a value that was measured (no interpolation), so a p99 of
 * 100 samples is the 99th-smallest sample and the p100 is the maximum.
 */
public final class Percentiles {

  private Percentiles() {}

  /** The p-th percentile (0 < p <= 100) of values sorted ascending; fails on an empty array. */
  public static long of(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
    }
    // The epsilon keeps e.g. 0.29 * 100 = 28.999999999999996 from rounding up to the wrong rank.
    long rank = (long) Math.ceil(p / 100.0 * sorted.length - 1e-9);
    int index = (int) Math.max(0, Math.min(sorted.length - 1, rank - 1));
    return sorted[index];
  }

  /** Sorts a copy of the values and summarises them. */
  public static LatencySummary summarise(long[] nanos) {
    if (nanos.length == 0) {
      return LatencySummary.EMPTY;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    return new LatencySummary(
        sorted.length,
        of(sorted, 50),
        of(sorted, 90),
        of(sorted, 99),
        sorted[sorted.length - 1],
        (long) (sum / sorted.length));
  }
}
