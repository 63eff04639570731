package io.watershed.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTest {

  @Test
  void shouldGrantExactlyTheEventLimitAcrossClaims() {
    Budget budget = new Budget(Limit.ofEvents(1_250), System.nanoTime());

    long granted = 0;
    int claims = 0;
    int n;
    while ((n = budget.claim(500)) > 0 && claims < 100) {
      granted += n;
      claims++;
    }

    assertThat(granted).isEqualTo(1_250);
    assertThat(claims).isEqualTo(3);
    assertThat(budget.claim(1)).isZero();
  }

  @Test
  void shouldStopAtTheDeadline() {
    Budget budget = new Budget(Limit.ofDuration(Duration.ofMillis(1)), System.nanoTime() - 2_000_000);

    assertThat(budget.claim(1)).isZero();
  }
}
