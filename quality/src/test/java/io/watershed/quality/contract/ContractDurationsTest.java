package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractDurationsTest {

  @ParameterizedTest
  @CsvSource({
    "24h, PT24H",
    "30m, PT30M",
    "7d, PT168H",
    "1h30m, PT1H30M",
    "2w, PT336H",
    "1d12h, PT36H",
    "90s, PT1M30S",
    "PT24H, PT24H",
    "pt15m, PT15M",
    "P7D, PT168H",
    "' 24h ', PT24H"
  })
  void shouldParseCompactAndIsoDurations(String text, String expected) {
    assertThat(ContractDurations.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "24", "24 hours", "h", "30m1h", "1h1h", "0h", "0d0h", "PT0S", "-PT1H", "P1Y", "1.5h"})
  void shouldRejectAnythingElse(String text) {
    assertThat(ContractDurations.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> ContractDurations.parse(text)).hasMessageContaining(ContractDurations.RULE);
  }

  @ParameterizedTest
  @CsvSource({
    "24, h, PT24H",
    "4, d, PT96H",
    "2, days, PT48H",
    "1.5, hours, PT1H30M",
    "45, min, PT45M",
    "1, week, PT168H",
    "30, Seconds, PT30S"
  })
  void shouldTurnValueAndUnitIntoDuration(double value, String unit, String expected) {
    assertThat(ContractDurations.ofValueAndUnit(value, unit)).contains(Duration.parse(expected));
  }

  @Test
  void shouldRefuseUnitsWithoutFixedLengthAndNonPositiveValues() {
    assertThat(ContractDurations.ofValueAndUnit(3, "y")).isEmpty();
    assertThat(ContractDurations.ofValueAndUnit(1, "month")).isEmpty();
    assertThat(ContractDurations.ofValueAndUnit(0, "h")).isEmpty();
    assertThat(ContractDurations.ofValueAndUnit(-1, "h")).isEmpty();
    assertThat(ContractDurations.isUnit("yr")).isFalse();
    assertThat(ContractDurations.isUnit("HRS")).isTrue();
  }

  @Test
  void shouldFormatLargestUnitFirst() {
    assertThat(ContractDurations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(ContractDurations.format(Duration.ofDays(7))).isEqualTo("7d");
    assertThat(ContractDurations.format(Duration.parse("PT26H0M5S"))).isEqualTo("1d2h5s");
    assertThat(ContractDurations.format(Duration.ZERO)).isEqualTo("0s");
  }
}
