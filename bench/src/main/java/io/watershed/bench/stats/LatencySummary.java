package io.watershed.bench.stats;

import java.util.Locale;

/** Latency percentiles of one measured phase, in nanoseconds. */
public record LatencySummary(long count, long p50, long p90, long p99, long max, long mean) {

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

  /** Nanoseconds as milliseconds with two decimals, for reports. */
  public static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1_000_000.0);
  }

  @Override
  public String toString() {
    if (count == 0) {
      return "no samples";
    }
    return "p50 " + ms(p50) + "  p90 " + ms(p90) + "  p99 " + ms(p99) + "  max " + ms(max) + "  mean " + ms(mean)
        + " (" + count + " samples)";
  }
}
