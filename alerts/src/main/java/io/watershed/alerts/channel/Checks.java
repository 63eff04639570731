package io.watershed.alerts.channel;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Argument checks shared by the value records, so a bad value fails where it is built, not where it is sent. */
final class Checks {

  /** Ids and fingerprints travel in HTTP headers, SMTP Message-IDs and Alertmanager labels: keep them plain. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}");

  private Checks() {}

  static String requireText(String value, String name, int maxLength) {
    Objects.requireNonNull(value, name + " is required");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
    }
    return value;
  }

  static String requireKey(String value, String name) {
    Objects.requireNonNull(value, name + " is required");
    if (!KEY.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be 1-200 characters of [A-Za-z0-9._:-] starting with a letter or digit: " + value);
    }
    return value;
  }

  /** An absolute http(s) URL; anything else cannot be delivered to by the HTTP channels. */
  static URI requireHttpUrl(URI value, String name) {
    Objects.requireNonNull(value, name + " is required");
    String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(Locale.ROOT);
    if (!value.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL with a host");
    }
    return value;
  }

  /** An immutable copy that keeps the caller's order (order carries meaning, e.g. evidence or a path). */
  static Map<String, String> orderedCopy(Map<String, String> map, String name, int maxEntries) {
    if (map == null) {
      return Map.of();
    }
    if (map.size() > maxEntries) {
      throw new IllegalArgumentException(name + " has more than " + maxEntries + " entries");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    map.forEach(
        (key, value) ->
            copy.put(requireText(key, name + " key", 64), Objects.requireNonNull(value, name + " value")));
    return Collections.unmodifiableMap(copy);
  }

  /** An immutable copy sorted by key, so payloads built from it are byte-for-byte stable. */
  static Map<String, String> sortedCopy(Map<String, String> map) {
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }

  static <T> List<T> listCopy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
