package io.watershed.quality.slo;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.api.InvalidInputException;
import io.watershed.quality.contract.ContractDurations;
import java.time.Duration;

/** The {@code window} query parameter: a contract duration ({@code 30d}, {@code 12h}, {@code P7D}), at most 400 days. */
public final class SlaWindows {

  public static final Duration MAX = Duration.ofDays(400);

  private SlaWindows() {}

  public static Duration parse(@Nullable String text, Duration fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    Duration window = ContractDurations.tryParse(text.strip())
        .orElseThrow(() -> InvalidInputException.of("window", ContractDurations.RULE));
    if (window.compareTo(MAX) > 0) {
      throw InvalidInputException.of("window", "must be at most 400d");
    }
    return window;
  }
}
