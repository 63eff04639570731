package io.watershed.server.dashboards;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names in a Prometheus text exposition (what {@code GET /prometheus} answers).
 *
 * @param samples the name of every sample line ({@code _bucket}, {@code _count}, {@code _sum}, {@code _total} ...)
 * @param families the family names and types of the {@code # TYPE} lines
 */
record PrometheusText(Set<String> samples, Map<String, String> families) {

  static PrometheusText parse(String text) {
    Set<String> samples = new TreeSet<>();
    Map<String, String> families = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.substring("# TYPE ".length()).trim().split("\\s+");
        families.put(parts[0], parts.length > 1 ? parts[1] : "untyped");
      } else if (!line.isBlank() && !line.startsWith("#")) {
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
          end++;
        }
        samples.add(line.substring(0, end));
      }
    }
    return new PrometheusText(samples, families);
  }

  /**
   * Watershed's own families ({@code watershed_} prefix), without the {@code _max} gauge Micrometer adds next to every
   * histogram (it belongs to the histogram).
   */
  Set<String> watershedFamilies() {
    Set<String> names = new TreeSet<>();
    for (String family : families.keySet()) {
      // Micrometer adds a _max gauge to every timer, whether exposed as a histogram or a summary.
      String base = family.endsWith("_max") ? families.get(family.substring(0, family.length() - "_max".length())) : null;
      boolean histogramMax = "histogram".equals(base) || "summary".equals(base);
      if (family.startsWith("watershed_") && !histogramMax) {
        names.add(family);
      }
    }
    return names;
  }
}
