package io.watershed.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Command-line options: {@code --name value} or {@code --name=value}; unknown names are errors, not ignored. */
final class Options {

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private final Map<String, String> values = new LinkedHashMap<>();

  private Options() {}

  static Options parse(List<String> args, Set<String> allowed) {
    Options o = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args.get(++i);
      }
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " (allowed: --" + String.join(", --", allowed) + ")");
      }
      o.values.put(name, value);
    }
    return o;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  long number(String name, long fallback, long min, long max) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    long n;
    try {
      n = Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + v);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ": " + n);
    }
    return n;
  }

  int integer(String name, int fallback, int min, int max) {
    return (int) number(name, fallback, min, max);
  }

  Duration duration(String name, Duration fallback) {
    String v = values.get(name);
    return v == null ? fallback : parseDuration(name, v);
  }

  /** {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
  static Duration parseDuration(String name, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("--" + name + " must be a duration such as 500ms, 60s, 2m: " + text);
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  /** True when the text is a bare count (no unit): used by --warmup, which takes a count or a duration. */
  static boolean isCount(String text) {
    return text.trim().matches("[\\d_]+");
  }
}
