package io.watershed.server.dashboards;

import io.watershed.server.dashboards.ShippedDashboards.Query;
import io.watershed.server.dashboards.ShippedDashboards.RuleFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which metric names the dashboards and rules read, and where: the check that a renamed metric breaks the build.
 * Names defined by recording rules resolve to those rules (whose own expressions are checked in turn); every other
 * name must be scraped from Watershed, or be one Prometheus makes itself.
 */
final class MetricReferences {

  /** Series Prometheus writes for every target; never in Watershed's answer. */
  static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  private final Map<String, List<String>> usedBy = new TreeMap<>();
  private final Set<String> recorded = new TreeSet<>();

  MetricReferences(List<Query> queries, List<Query> variableQueries, List<RuleFile> rules) {
    queries.forEach(q -> PromQl.metricNames(q.expr()).forEach(n -> use(n, q.where())));
    variableQueries.forEach(q -> PromQl.variableMetricNames(q.expr()).forEach(n -> use(n, q.where())));
    for (RuleFile file : rules) {
      recorded.addAll(file.recorded());
      file.expressions().forEach(q -> PromQl.metricNames(q.expr()).forEach(n -> use(n, q.where())));
    }
  }

  /** The references of everything shipped under {@code dashboards/}. */
  static MetricReferences shipped() {
    return new MetricReferences(
        ShippedDashboards.panelQueries(), ShippedDashboards.variableQueries(), ShippedDashboards.rules());
  }

  /** Every name read, with the queries that read it. */
  Map<String, List<String>> usedBy() {
    return usedBy;
  }

  /** The names that must come from Watershed's {@code /prometheus}. */
  Set<String> scrapedNames() {
    Set<String> names = new TreeSet<>(usedBy.keySet());
    names.removeAll(recorded);
    names.removeAll(PROMETHEUS_SERIES);
    return names;
  }

  /** The names read that neither Watershed exposes nor a recording rule defines, each with its readers. */
  Map<String, List<String>> missing(Set<String> exposed) {
    Map<String, List<String>> missing = new TreeMap<>();
    for (String name : scrapedNames()) {
      if (!exposed.contains(name)) {
        missing.put(name, usedBy.get(name));
      }
    }
    return missing;
  }

  private void use(String name, String where) {
    usedBy.computeIfAbsent(name, k -> new ArrayList<>()).add(where);
  }
}
