package io.watershed.quality.contract;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a data product: 1 to 128 characters, each a lowercase letter, a digit, {@code -}, {@code _} or
 * {@code .}. Names are identifiers in URLs, metrics tags and alert texts, so they are checked once, here.
 */
public record ProductName(String value) implements Comparable<ProductName> {

  public static final int MAX_LENGTH = 128;
  private static final Pattern VALID = Pattern.compile("[a-z0-9._-]{1," + MAX_LENGTH + "}");
  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern DASHES = Pattern.compile("-{2,}");

  /** The rule as a sentence, for validation problems. */
  public static final String RULE =
      "must be 1 to " + MAX_LENGTH + " characters of lowercase letters, digits, '-', '_' or '.'";

  public ProductName {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid product name '" + value + "': " + RULE);
    }
  }

  public static ProductName of(String value) {
    return new ProductName(value);
  }

  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches();
  }

  /**
   * Turns a free-form name (an ODCS {@code name} such as {@code "My Quantum"}) into a product name: lowercased, every
   * run of other characters replaced by one {@code -}, dashes trimmed at both ends, cut to 128 characters. Empty when
   * nothing usable is left.
   */
  public static Optional<ProductName> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String name = NOT_ALLOWED.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
    name = DASHES.matcher(name).replaceAll("-");
    name = trimDashes(name);
    if (name.length() > MAX_LENGTH) {
      name = trimDashes(name.substring(0, MAX_LENGTH));
    }
    return name.isEmpty() ? Optional.empty() : Optional.of(new ProductName(name));
  }

  private static String trimDashes(String name) {
    int start = 0;
    int end = name.length();
    while (start < end && name.charAt(start) == '-') {
      start++;
    }
    while (end > start && name.charAt(end - 1) == '-') {
      end--;
    }
    return name.substring(start, end);
  }

  @Override
  public int compareTo(ProductName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
