package io.watershed.quality.contract;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of contracts: either compact units, largest first and each at most once ({@code 7d},
 * {@code 24h}, {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 2w}), or ISO-8601 ({@code PT24H}, {@code P7D}).
 * Durations in contracts are objectives and windows, so only positive ones are accepted.
 */
public final class ContractDurations {

  /** The syntax as a sentence, for validation problems. */
  public static final String RULE =
      "must be a positive duration such as 24h, 30m, 7d, 1h30m or ISO-8601 PT24H";

  private static final Pattern COMPACT = Pattern.compile(
      "(?:(\\d{1,9})w)?(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");
  private static final Duration[] COMPACT_UNITS = {
    Duration.ofDays(7), Duration.ofDays(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofSeconds(1)
  };

  // Unit words of ODCS slaProperties ("value: 4, unit: d"). ODCS lists d/day/days and y/yr/years; a year or a month
  // has no fixed length, so they are refused where a Duration is needed.
  private static final Map<String, Duration> UNIT_WORDS = Map.ofEntries(
      Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
      Map.entry("secs", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
      Map.entry("seconds", Duration.ofSeconds(1)),
      Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
      Map.entry("mins", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
      Map.entry("minutes", Duration.ofMinutes(1)),
      Map.entry("h", Duration.ofHours(1)), Map.entry("hr", Duration.ofHours(1)),
      Map.entry("hrs", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)),
      Map.entry("hours", Duration.ofHours(1)),
      Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)),
      Map.entry("days", Duration.ofDays(1)),
      Map.entry("w", Duration.ofDays(7)), Map.entry("wk", Duration.ofDays(7)),
      Map.entry("week", Duration.ofDays(7)), Map.entry("weeks", Duration.ofDays(7)));

  /** The unit words, as a sentence, for validation problems. */
  public static final String UNIT_RULE =
      "must be a time unit: s, m, h, d or w (also sec, min, hr, day, week and their plurals)";

  private ContractDurations() {}

  /**
   * Parses {@code 24h}, {@code 1h30m}, {@code PT24H} ...
   *
   * @throws IllegalArgumentException with {@link #RULE} when the text is not a positive duration
   */
  public static Duration parse(String text) {
    return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' " + RULE));
  }

  /** Like {@link #parse}, empty instead of throwing. */
  public static Optional<Duration> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    Optional<Duration> parsed = trimmed.toUpperCase(Locale.ROOT).startsWith("P")
        ? iso(trimmed.toUpperCase(Locale.ROOT))
        : compact(trimmed);
    return parsed.filter(duration -> !duration.isNegative() && !duration.isZero());
  }

  /**
   * A value with a unit word, as ODCS {@code slaProperties} write it ({@code value: 24, unit: h}); the value may have
   * a fraction ({@code 1.5} hours). Empty when the unit is unknown or the result is not positive.
   */
  public static Optional<Duration> ofValueAndUnit(double value, String unit) {
    if (unit == null || !(value > 0) || Double.isInfinite(value)) {
      return Optional.empty();
    }
    Duration per = UNIT_WORDS.get(unit.strip().toLowerCase(Locale.ROOT));
    if (per == null) {
      return Optional.empty();
    }
    double seconds = value * per.getSeconds();
    if (seconds > Long.MAX_VALUE / 2.0) {
      return Optional.empty();
    }
    Duration duration = Duration.ofMillis(Math.round(seconds * 1000));
    return duration.isZero() ? Optional.empty() : Optional.of(duration);
  }

  /** Whether a word is a known unit, e.g. {@code h} or {@code days}. */
  public static boolean isUnit(String unit) {
    return unit != null && UNIT_WORDS.containsKey(unit.strip().toLowerCase(Locale.ROOT));
  }

  /** The compact form, largest unit first: {@code 1d2h30m}, {@code 45s}; sub-second parts are dropped. */
  public static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds <= 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    append(text, days, 'd');
    append(text, hours, 'h');
    append(text, minutes, 'm');
    append(text, rest, 's');
    return text.toString();
  }

  private static void append(StringBuilder text, long amount, char unit) {
    if (amount > 0) {
      text.append(amount).append(unit);
    }
  }

  private static Optional<Duration> iso(String text) {
    try {
      return Optional.of(Duration.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> compact(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = COMPACT.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    for (int group = 1; group <= COMPACT_UNITS.length; group++) {
      String amount = matcher.group(group);
      if (amount != null) {
        total = total.plus(COMPACT_UNITS[group - 1].multipliedBy(Long.parseLong(amount)));
      }
    }
    return Optional.of(total);
  }
}
