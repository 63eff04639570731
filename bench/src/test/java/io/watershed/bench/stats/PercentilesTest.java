package io.watershed.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void shouldUseNearestRankOnOneToHundred() {
    long[] values = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Percentiles.of(values, 50)).isEqualTo(50);
    assertThat(Percentiles.of(values, 90)).isEqualTo(90);
    assertThat(Percentiles.of(values, 99)).isEqualTo(99);
    assertThat(Percentiles.of(values, 100)).isEqualTo(100);
    assertThat(Percentiles.of(values, 0.5)).isEqualTo(1);
  }

  @Test
  void shouldReturnMeasuredValuesWithoutInterpolating() {
    long[] values = {10, 20, 30, 40};

    assertThat(Percentiles.of(values, 50)).isEqualTo(20);
    assertThat(Percentiles.of(values, 51)).isEqualTo(30);
    assertThat(Percentiles.of(values, 99)).isEqualTo(40);
  }

  @Test
  void shouldNotRoundUpPastTheRankThroughFloatingPointError() {
    // 0.29 * 100 is 28.999999999999996 in binary floating point; rank 29 is intended.
    long[] values = LongStream.rangeClosed(1, 100).toArray();

    assertThat(Percentiles.of(values, 29)).isEqualTo(29);
    assertThat(Percentiles.of(LongStream.rangeClosed(1, 1000).toArray(), 99.9)).isEqualTo(999);
  }

  @Test
  void shouldHandleOneValue() {
    assertThat(Percentiles.of(new long[] {7}, 1)).isEqualTo(7);
    assertThat(Percentiles.of(new long[] {7}, 99)).isEqualTo(7);
  }

  @Test
  void shouldRejectEmptyInputAndPercentilesOutOfRange() {
    assertThatThrownBy(() -> Percentiles.of(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Percentiles.of(new long[] {1}, 100.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldSummariseUnsortedValuesWithoutChangingThem() {
    long[] values = {5, 1, 4, 2, 3};

    LatencySummary s = Percentiles.summarise(values);

    assertThat(s.count()).isEqualTo(5);
    assertThat(s.p50()).isEqualTo(3);
    assertThat(s.p99()).isEqualTo(5);
    assertThat(s.max()).isEqualTo(5);
    assertThat(s.mean()).isEqualTo(3);
    assertThat(values).containsExactly(5, 1, 4, 2, 3);
    assertThat(Percentiles.summarise(new long[0])).isEqualTo(LatencySummary.EMPTY);
  }

  @Test
  void shouldMergeRecordersOfSeveralThreads() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    for (int i = 0; i < 10_000; i++) {
      a.record(i);
    }
    b.record(42);

    long[] all = LatencyRecorder.merge(List.of(a, b));

    assertThat(all).hasSize(10_001);
    assertThat(all[10_000]).isEqualTo(42);
    assertThat(Percentiles.summarise(all).max()).isEqualTo(9_999);
  }
}
