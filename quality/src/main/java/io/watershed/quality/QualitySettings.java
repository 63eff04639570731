package io.watershed.quality;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the quality module, under {@code watershed.quality} (every key is documented in docs/quality.md).
 *
 * @param evaluationTick how often the freshness scheduler looks for products whose deadline passed
 * @param maxGaugedProducts products beyond this many get no per-product gauges (bounded cardinality)
 * @param maxGaugedColumns completeness gauges per product beyond this many columns are not registered
 * @param maxResultsPerRequest results one {@code POST /api/v1/quality/results} may carry
 * @param maxResultsBytes body size of {@code POST /api/v1/quality/results}
 * @param maxDbtBytes body size of {@code POST /api/v1/quality/dbt} (run_results.json and manifest.json together)
 */
@ConfigurationProperties("watershed.quality")
public record QualitySettings(
    @Bindable(defaultValue = "15s") Duration evaluationTick,
    @Bindable(defaultValue = "1000") int maxGaugedProducts,
    @Bindable(defaultValue = "50") int maxGaugedColumns,
    @Bindable(defaultValue = "1000") int maxResultsPerRequest,
    @Bindable(defaultValue = "8388608") int maxResultsBytes,
    @Bindable(defaultValue = "33554432") int maxDbtBytes) {

  public QualitySettings {
    positive(evaluationTick, "evaluation-tick");
    atLeastOne(maxGaugedProducts, "max-gauged-products");
    atLeastOne(maxGaugedColumns, "max-gauged-columns");
    atLeastOne(maxResultsPerRequest, "max-results-per-request");
    atLeastOne(maxResultsBytes, "max-results-bytes");
    atLeastOne(maxDbtBytes, "max-dbt-bytes");
  }

  /** The documented defaults, for code that runs without Micronaut (tests, tools). */
  public static QualitySettings defaults() {
    return new QualitySettings(
        Duration.ofSeconds(15), 1000, 50, 1000, 8 * 1024 * 1024, 32 * 1024 * 1024);
  }

  private static void positive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("watershed.quality." + key + " must be positive");
    }
  }

  private static void atLeastOne(int value, String key) {
    if (value < 1) {
      throw new IllegalArgumentException("watershed.quality." + key + " must be at least 1");
    }
  }
}
