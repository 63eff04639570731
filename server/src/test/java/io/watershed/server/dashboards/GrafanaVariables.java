package io.watershed.server.dashboards;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for Grafana when a test runs a panel's query: template variables become "all values" ({@code .*}, as the
 * dashboards' {@code allValue} says) and Grafana's built-in intervals become fixed durations short enough for a
 * Prometheus that has scraped for a minute.
 */
final class GrafanaVariables {

  static final Map<String, String> VALUES = Map.of(
      "domain", ".*",
      "product", ".*",
      "producer", ".*",
      "__rate_interval", "1m",
      "__interval", "15s",
      "__range", "10m");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private GrafanaVariables() {}

  /** The query as Grafana would send it with every variable at "All"; an unknown variable is an error. */
  static String substitute(String query) {
    Matcher m = VARIABLE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = VALUES.get(name);
      if (value == null) {
        throw new IllegalArgumentException("unknown Grafana variable $" + name + " in: " + query);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
