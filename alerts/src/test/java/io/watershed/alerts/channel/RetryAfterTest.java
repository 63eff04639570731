package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-02T04:05:00Z");

  @Test
  void shouldReadDelaySeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void shouldReadAnHttpDateAsTheWaitFromNow() {
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 04:06:00 GMT", NOW)).contains(Duration.ofSeconds(60));
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 04:00:00 GMT", NOW)).as("already past").contains(Duration.ZERO);
  }

  @Test
  void shouldIgnoreWhatItCannotRead() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
  }
}
