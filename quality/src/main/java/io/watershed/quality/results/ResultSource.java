package io.watershed.quality.results;

import java.util.Locale;

/** The route a quality result came in by. */
public enum ResultSource {
  /** {@code POST /api/v1/quality/results}. */
  NATIVE,
  /** {@code POST /api/v1/quality/dbt} (run_results.json + manifest.json). */
  DBT,
  /** Facets of OpenLineage events ({@code dataQualityAssertions}, {@code dataQualityMetrics}, {@code test} ...). */
  OPENLINEAGE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
