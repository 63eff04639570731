package io.watershed.alerts.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Small text helpers for rendering: truncation, times, durations, bounded lists. */
final class Text {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Text() {}

  /** {@code value} cut to at most {@code max} characters, ending in "…" when cut; never splits a surrogate pair. */
  static String truncate(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end) + "…";
  }

  /** All runs of whitespace (newlines included) as one space: for subjects, headers and labels. */
  static String oneLine(String value) {
    return value.replaceAll("\\s+", " ").strip();
  }

  /**
   * A receiver's answer or an exception message as it may appear in our messages and logs: one line, no control
   * characters (a hostile receiver could otherwise forge log lines), at most 300 characters.
   */
  static String excerpt(String value) {
    return truncate(oneLine(value.replaceAll("\\p{Cntrl}", " ")), 300);
  }

  static String time(Instant instant) {
    return TIME.format(instant);
  }

  /** A duration for people, in its two largest units: "3h 20m", "2d 4h", "45s". */
  static String duration(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long[] amounts = {seconds / 86_400, seconds / 3_600 % 24, seconds / 60 % 60, seconds % 60};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < amounts.length; i++) {
      if (amounts[i] > 0) {
        String largest = amounts[i] + units[i];
        boolean next = i + 1 < amounts.length && amounts[i + 1] > 0;
        return next ? largest + " " + amounts[i + 1] + units[i + 1] : largest;
      }
    }
    return "0s";
  }

  /**
   * At most {@code max} items formatted, plus "and N more" when there are more. Long lists are where messages hit
   * channel limits (Slack's 3,000 characters per section), and the full list is one click away behind the link.
   */
  static <T> List<String> bounded(List<T> items, int max, Function<T, String> format) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < items.size() && i < max; i++) {
      lines.add(format.apply(items.get(i)));
    }
    if (items.size() > max) {
      lines.add("and " + (items.size() - max) + " more");
    }
    return lines;
  }

  /**
   * A lineage path with its middle elided when long: the root cause and the products' end are what people need.
   */
  static List<String> abbreviatedPath(List<String> path, int max) {
    if (path.size() <= max) {
      return path;
    }
    int head = max / 2;
    int tail = max - head - 1;
    List<String> shown = new ArrayList<>(path.subList(0, head));
    shown.add("… " + (path.size() - head - tail) + " more …");
    shown.addAll(path.subList(path.size() - tail, path.size()));
    return shown;
  }

  static String escapeHtml(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Slack mrkdwn needs only these three escaped; everything else is literal. */
  static String escapeSlack(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
