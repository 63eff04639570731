package io.watershed.server.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the producer and consumer meters, under {@code watershed.metrics} (docs/metrics.md, "Settings").
 *
 * @param consumerRefresh how often the consumer gauges are computed again from the graph
 * @param consumerLookback a job that read a product's port within this long counts as its consumer
 * @param seedLookback at start, the last successful update per product and job is read back from runs that finished
 *     within this long (the gauges survive a restart)
 * @param maxProducts products beyond this many (by name) get no producer or consumer meters
 * @param maxJobs distinct {@code producer_job} label values; later jobs count as {@code other}
 * @param maxDomains distinct domains in the reuse matrix; later ones count as {@code other}
 * @param runQueueCapacity committed batches waiting for the run recorder; beyond, their runs are dropped and counted
 */
@ConfigurationProperties("watershed.metrics")
public record MetricsSettings(
    @Bindable(defaultValue = "30s") Duration consumerRefresh,
    @Bindable(defaultValue = "30d") Duration consumerLookback,
    @Bindable(defaultValue = "7d") Duration seedLookback,
    @Bindable(defaultValue = "1000") int maxProducts,
    @Bindable(defaultValue = "500") int maxJobs,
    @Bindable(defaultValue = "100") int maxDomains,
    @Bindable(defaultValue = "1000") int runQueueCapacity) {

  public MetricsSettings {
    positive(consumerRefresh, "consumer-refresh");
    positive(consumerLookback, "consumer-lookback");
    positive(seedLookback, "seed-lookback");
    atLeastOne(maxProducts, "max-products");
    atLeastOne(maxJobs, "max-jobs");
    atLeastOne(maxDomains, "max-domains");
    atLeastOne(runQueueCapacity, "run-queue-capacity");
  }

  /** The documented defaults, for code that runs without Micronaut (unit tests). */
  public static MetricsSettings defaults() {
    return new MetricsSettings(
        Duration.ofSeconds(30), Duration.ofDays(30), Duration.ofDays(7), 1000, 500, 100, 1000);
  }

  private static void positive(Duration value, String key) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("watershed.metrics." + key + " must be positive");
    }
  }

  private static void atLeastOne(int value, String key) {
    if (value < 1) {
      throw new IllegalArgumentException("watershed.metrics." + key + " must be at least 1");
    }
  }
}
