package io.watershed.bench.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of a Prometheus text exposition (format 0.0.4), as a list of samples. Only what the benchmark reads is
 * supported: sample lines with optional labels; comments and timestamps are ignored.
 */
public record PrometheusText(List<Sample> samples) {

  /** One sample line: metric name, labels, value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  public PrometheusText {
    samples = List.copyOf(samples);
  }

  public static PrometheusText parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      Sample s = parseLine(l);
      if (s != null) {
        out.add(s);
      }
    }
    return new PrometheusText(out);
  }

  /** Sum of all samples of a metric whose labels include every given label. NaN-free: absent counts as 0. */
  public double sum(String name, Map<String, String> match) {
    double total = 0;
    for (Sample s : samples) {
      if (s.name().equals(name) && matches(s, match) && !Double.isNaN(s.value())) {
        total += s.value();
      }
    }
    return total;
  }

  public double sum(String name) {
    return sum(name, Map.of());
  }

  /**
   * Cumulative bucket counts of a histogram ({@code <name>_bucket}), summed over series matching the labels, by upper
   * bound ascending ({@code +Inf} last).
   */
  public TreeMap<Double, Double> buckets(String name, Map<String, String> match) {
    TreeMap<Double, Double> out = new TreeMap<>();
    for (Sample s : samples) {
      if (s.name().equals(name + "_bucket") && matches(s, match) && s.labels().containsKey("le")) {
        String le = s.labels().get("le");
        double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        out.merge(bound, s.value(), Double::sum);
      }
    }
    return out;
  }

  /**
   * The upper bound of the bucket holding the q-quantile (0 < q <= 1) of what a histogram observed between two
   * scrapes, or NaN when it observed nothing. Bucket bounds, not interpolation: "p99 <= 0.089 s".
   */
  public static double quantileBetween(PrometheusText before, PrometheusText after, String name, Map<String, String> match, double q) {
    TreeMap<Double, Double> from = before.buckets(name, match);
    TreeMap<Double, Double> to = after.buckets(name, match);
    if (to.isEmpty()) {
      return Double.NaN;
    }
    double total = to.lastEntry().getValue() - from.getOrDefault(to.lastKey(), 0.0);
    if (total <= 0) {
      return Double.NaN;
    }
    double target = q * total;
    for (Map.Entry<Double, Double> e : to.entrySet()) {
      double cumulative = e.getValue() - from.getOrDefault(e.getKey(), 0.0);
      if (cumulative >= target - 1e-9) {
        return e.getKey();
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static boolean matches(Sample s, Map<String, String> match) {
    for (Map.Entry<String, String> m : match.entrySet()) {
      if (!m.getValue().equals(s.labels().get(m.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** {@code name{a="1",b="x\"y"} 1.0E3 [timestamp]}; null for a line that does not parse. */
  static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String name;
    Map<String, String> labels;
    String rest;
    if (brace >= 0 && brace < space) {
      name = line.substring(0, brace);
      labels = new LinkedHashMap<>();
      int end = parseLabels(line, brace + 1, labels);
      if (end < 0) {
        return null;
      }
      rest = line.substring(end + 1).strip();
    } else {
      name = line.substring(0, space);
      labels = Collections.emptyMap();
      rest = line.substring(space + 1).strip();
    }
    String valueText = rest.split("\\s+")[0];
    try {
      double value =
          switch (valueText) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(valueText);
          };
      return new Sample(name, labels, value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads {@code k="v",...} up to the closing brace; returns the brace's index, or -1 if malformed. */
  private static int parseLabels(String line, int at, Map<String, String> out) {
    int i = at;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '}') {
        return i;
      }
      if (c == ',' || c == ' ') {
        i++;
        continue;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        return -1;
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; j < line.length(); j++) {
        char v = line.charAt(j);
        if (v == '\\' && j + 1 < line.length()) {
          char n = line.charAt(++j);
          value.append(n == 'n' ? '\n' : n);
        } else if (v == '"') {
          break;
        } else {
          value.append(v);
        }
      }
      if (j >= line.length()) {
        return -1;
      }
      out.put(key, value.toString());
      i = j + 1;
    }
    return -1;
  }
}
