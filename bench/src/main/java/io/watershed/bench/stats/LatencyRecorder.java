package io.watershed.bench.stats;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latencies of one thread, in a growing primitive array: no boxing and no sharing on the hot path. Merge the
 * recorders of all threads after the phase.
 */
public final class LatencyRecorder {

  private long[] values = new long[4096];
  private int size;

  public void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = nanos;
  }

  public int size() {
    return size;
  }

  public long[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** All values of the given recorders, unsorted. */
  public static long[] merge(Collection<LatencyRecorder> recorders) {
    int total = recorders.stream().mapToInt(LatencyRecorder::size).sum();
    long[] out = new long[total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.values, 0, out, at, r.size);
      at += r.size;
    }
    return out;
  }
}
