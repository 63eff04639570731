package io.watershed.quality.results;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The quality dimension a check measures. Two have a meaning beyond the check itself: a {@code completeness} result on
 * a column with an observed value is that column's non-null ratio, and a {@code volume} result on the whole dataset
 * with an observed value is its row count.
 */
public enum Dimension {
  COMPLETENESS,
  VOLUME,
  VALIDITY,
  UNIQUENESS,
  ACCURACY,
  CONSISTENCY,
  TIMELINESS,
  OTHER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Dimension> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(d -> d.label().equals(wanted)).findFirst();
  }

  /** The accepted words, for problem messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Dimension::label).collect(Collectors.joining(", "));
  }

  /**
   * The dimension of a check type as testing tools name it ({@code not_null}, {@code unique}, {@code accepted_values},
   * {@code relationships}, {@code row_count}, {@code freshness} ...); {@link #OTHER} when it says nothing.
   */
  public static Dimension ofCheckType(String type) {
    if (type == null) {
      return OTHER;
    }
    String t = type.strip().toLowerCase(Locale.ROOT);
    if (t.contains("not_null") || t.contains("null") || t.contains("completeness")) {
      return COMPLETENESS;
    }
    if (t.contains("unique") || t.contains("duplicate")) {
      return UNIQUENESS;
    }
    if (t.contains("accepted_values") || t.contains("valid") || t.contains("range") || t.contains("regex")) {
      return VALIDITY;
    }
    if (t.contains("relationship") || t.contains("foreign") || t.contains("referential")) {
      return CONSISTENCY;
    }
    if (t.contains("row_count") || t.contains("rowcount") || t.contains("volume")) {
      return VOLUME;
    }
    if (t.contains("fresh") || t.contains("timeliness") || t.contains("latency")) {
      return TIMELINESS;
    }
    return parse(t).orElse(OTHER);
  }
}
