package io.watershed.alerts.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the alert engine detects, groups and plans ({@code watershed.alerts.*}); see docs/alerts.md.
 *
 * @param enabled run the background work (event listeners, planner, delivery, sweeps); the API works either way
 * @param groupWait how long to wait after an alert opens, escalates or resolves before notifying, so alerts of one
 *     root cause that arrive together leave in one notification per recipient
 * @param planInterval how often due alert groups are looked for
 * @param sweepInterval how often open changes are re-checked against the graph, and left-over work picked up
 * @param impactDepth how far downstream alerts look for affected products
 * @param impactNodeLimit how many nodes one impact walk may visit
 * @param rootCauseDepth how far upstream the root cause of an out-of-SLO product is looked for
 * @param maxCausesPerProduct at most this many root causes raise alerts for one out-of-SLO product
 * @param queueCapacity batches of events waiting for change detection; beyond it, batches are dropped and logged
 *     (the periodic sweep still resolves what they would have)
 * @param lineageStepInterval least time between two change-detection steps over committed lineage: commits that arrive
 *     meanwhile join the next step, so the engine's queries run a few times a second, not once per commit; 0 runs a
 *     step as soon as the engine is free
 * @param labels labels added to every notification, e.g. {@code env: prod}
 */
@ConfigurationProperties("watershed.alerts")
public record AlertsSettings(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "2s") Duration groupWait,
    @Bindable(defaultValue = "1s") Duration planInterval,
    @Bindable(defaultValue = "30s") Duration sweepInterval,
    @Bindable(defaultValue = "10") int impactDepth,
    @Bindable(defaultValue = "2000") int impactNodeLimit,
    @Bindable(defaultValue = "20") int rootCauseDepth,
    @Bindable(defaultValue = "3") int maxCausesPerProduct,
    @Bindable(defaultValue = "10000") int queueCapacity,
    @Bindable(defaultValue = "250ms") Duration lineageStepInterval,
    @Nullable Map<String, String> labels) {

  public AlertsSettings {
    requireNonNegative(groupWait, "group-wait");
    requirePositive(planInterval, "plan-interval");
    requirePositive(sweepInterval, "sweep-interval");
    requireNonNegative(lineageStepInterval, "lineage-step-interval");
    if (lineageStepInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("watershed.alerts.lineage-step-interval must be at most 1m");
    }
    if (impactDepth < 1 || impactDepth > 50) {
      throw new IllegalArgumentException("watershed.alerts.impact-depth must be between 1 and 50");
    }
    if (impactNodeLimit < 1 || impactNodeLimit > 10_000) {
      throw new IllegalArgumentException("watershed.alerts.impact-node-limit must be between 1 and 10000");
    }
    if (rootCauseDepth < 1 || rootCauseDepth > 50) {
      throw new IllegalArgumentException("watershed.alerts.root-cause-depth must be between 1 and 50");
    }
    if (maxCausesPerProduct < 1) {
      throw new IllegalArgumentException("watershed.alerts.max-causes-per-product must be at least 1");
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("watershed.alerts.queue-capacity must be at least 1");
    }
    labels = labels == null ? Map.of() : Map.copyOf(new TreeMap<>(labels));
  }

  /** The defaults, for code that runs without Micronaut. */
  public static AlertsSettings defaults() {
    return new AlertsSettings(
        true, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(30), 10, 2000, 20, 3, 10_000,
        Duration.ofMillis(250), Map.of());
  }

  /** A copy with another group wait (tests use zero). */
  public AlertsSettings withGroupWait(Duration wait) {
    return new AlertsSettings(enabled, wait, planInterval, sweepInterval, impactDepth, impactNodeLimit, rootCauseDepth,
        maxCausesPerProduct, queueCapacity, lineageStepInterval, labels);
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("watershed.alerts." + name + " must be positive");
    }
  }

  private static void requireNonNegative(Duration d, String name) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException("watershed.alerts." + name + " must not be negative");
    }
  }
}
