package io.watershed.server.dashboards;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names a PromQL expression (or a Grafana variable query) reads. Deliberately small: it removes what
 * cannot be a metric name (Grafana variables, strings, label matchers, ranges, grouping label lists), then keeps every
 * identifier that is not a keyword and not followed by {@code (} (a function or an aggregation).
 */
final class PromQl {

  /** Operators and modifiers that look like identifiers. */
  static final Set<String> KEYWORDS = Set.of(
      "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
      "inf", "nan", "atan2");

  private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("^\\s*label_values\\(\\s*(.*?)\\s*,\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\)\\s*$", Pattern.DOTALL);
  private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\((.*)\\)\\s*$", Pattern.DOTALL);

  private PromQl() {}

  /** The metric names an expression reads. */
  static Set<String> metricNames(String expression) {
    String s = GRAFANA_VARIABLE.matcher(expression).replaceAll(" ");
    s = STRING.matcher(s).replaceAll(" ");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGE.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(s);
    while (m.find()) {
      String name = m.group();
      if (!KEYWORDS.contains(name) && !calledAsFunction(s, m.end())) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * The metric names a Grafana Prometheus variable query reads: {@code label_values(metric{...}, label)},
   * {@code query_result(expr)}, or a bare {@code label_values(label)} (none).
   */
  static Set<String> variableMetricNames(String query) {
    Matcher values = LABEL_VALUES.matcher(query);
    if (values.matches()) {
      return metricNames(values.group(1));
    }
    Matcher result = QUERY_RESULT.matcher(query);
    if (result.matches()) {
      return metricNames(result.group(1));
    }
    return query.trim().startsWith("label_values(") ? Set.of() : metricNames(query);
  }

  private static boolean calledAsFunction(String s, int end) {
    int i = end;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i < s.length() && s.charAt(i) == '(';
  }
}
