package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks the alerts API's parameters the same way everywhere; a broken rule names the parameter (400). */
final class Params {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|h|d)");

  private Params() {}

  static int limit(@Nullable Integer limit) {
    return range("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
  }

  static int offset(@Nullable Integer offset) {
    int value = offset == null ? 0 : offset;
    if (value < 0) {
      throw new BadParameterException("offset", "must be 0 or more");
    }
    return value;
  }

  static int range(String name, @Nullable Integer value, int fallback, int min, int max) {
    int v = value == null ? fallback : value;
    if (v < min || v > max) {
      throw new BadParameterException(name, "must be between " + min + " and " + max);
    }
    return v;
  }

  static <E extends Enum<E>> E enumValue(String name, @Nullable String text, Class<E> type) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E v : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(v.name().toLowerCase(Locale.ROOT));
      }
      throw new BadParameterException(name, "must be one of " + allowed);
    }
  }

  static String required(String name, @Nullable String text) {
    if (text == null || text.isBlank()) {
      throw new BadParameterException(name, "is required");
    }
    return text.strip();
  }

  @Nullable
  static String optional(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @Nullable
  static Instant instant(String name, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadParameterException(name, "must be an ISO-8601 UTC time such as 2026-03-02T04:00:00Z");
    }
  }

  /** {@code 90m}, {@code 2h}, {@code 1d}, or ISO-8601 such as {@code PT2H}. */
  @Nullable
  static Duration duration(String name, @Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT_DURATION.matcher(t);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
      }
      return Duration.parse(text.strip());
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new BadParameterException(name, "must be a duration such as 90m, 2h, 1d or PT2H");
    }
  }
}
