package io.watershed.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15), new Random());

  @RepeatedTest(20)
  void shouldDoublePerAttemptWithJitterInTheUpperHalf() {
    for (int attempt = 1; attempt <= 6; attempt++) {
      long base = 5_000L << (attempt - 1);
      assertThat(backoff.delay(attempt, Optional.empty()).toMillis()).as("attempt %d", attempt)
          .isBetween(base / 2, base);
    }
  }

  @Test
  void shouldStopGrowingAtTheMaximum() {
    assertThat(backoff.delay(40, Optional.empty())).isBetween(Duration.ofMinutes(7).plusSeconds(30), Duration.ofMinutes(15));
  }

  @Test
  void shouldNotRetryBeforeTheReceiversRetryAfterButNotWaitLongerThanAnHour() {
    assertThat(backoff.delay(1, Optional.of(Duration.ofMinutes(2)))).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.delay(1, Optional.of(Duration.ofHours(6)))).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldSpreadRetriesOfNotificationsThatFailedTogether() {
    Backoff seeded = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(15), new Random(7));
    long distinct = IntStream.range(0, 50)
        .mapToObj(i -> seeded.delay(1, Optional.empty()))
        .distinct()
        .count();

    assertThat(distinct).isGreaterThan(40);
  }
}
