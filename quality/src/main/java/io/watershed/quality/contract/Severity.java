package io.watershed.quality.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How loudly a broken contract should be reported; a routing hint for alerts. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  public static final Severity DEFAULT = WARNING;

  /** The lowercase word used in contract files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(severity -> severity.label().equals(wanted)).findFirst();
  }

  /** The accepted words, for problem messages: {@code critical, warning, info}. */
  public static String labels() {
    return Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
  }
}
