package io.watershed.alerts.silence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SilenceTest {

  private static final Instant T = Instant.parse("2026-03-02T04:00:00Z");

  @Test
  void shouldMatchWhenEveryGivenMatcherEquals() {
    Silence byProduct = new Silence("s", "revenue", null, null, T, T.plusSeconds(60), "me", null, T);
    Silence both = new Silence("s", "revenue", "f1", null, T, T.plusSeconds(60), "me", null, T);

    assertThat(byProduct.matches("revenue", "f1", "job:a:b")).isTrue();
    assertThat(byProduct.matches("kpis", "f1", "job:a:b")).isFalse();
    assertThat(both.matches("revenue", "f2", "job:a:b")).isFalse();
  }

  @Test
  void shouldBeActiveFromStartUntilBeforeTheEnd() {
    Silence s = new Silence("s", "revenue", null, null, T, T.plusSeconds(60), "me", null, T);

    assertThat(s.activeAt(T.minusMillis(1))).isFalse();
    assertThat(s.activeAt(T)).isTrue();
    assertThat(s.activeAt(T.plusSeconds(60))).isFalse();
  }

  @Test
  void shouldNeedAMatcher() {
    assertThatThrownBy(() -> new Silence("s", null, null, null, T, T.plusSeconds(1), "me", null, T))
        .hasMessageContaining("at least one matcher");
  }
}
