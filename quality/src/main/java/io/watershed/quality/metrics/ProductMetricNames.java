package io.watershed.quality.metrics;

/**
 * Names of the per-product meters (Micrometer dots; Prometheus turns {@code watershed.product.freshness.age} with
 * base unit seconds into {@code watershed_product_freshness_age_seconds}). Every meter has the tags {@code product}
 * and {@code domain}; docs/metrics.md lists them with their Prometheus names and units.
 */
public final class ProductMetricNames {

  /** Seconds since the stalest output port was last updated (never written: since the product became active). */
  public static final String FRESHNESS_AGE = "watershed.product.freshness.age";
  /** The freshness objective in seconds. */
  public static final String FRESHNESS_OBJECTIVE = "watershed.product.freshness.objective";
  /** Non-null ratio of a column (tag {@code column}), the worst across ports. */
  public static final String COMPLETENESS = "watershed.product.completeness";
  /** Share of named checks whose latest results passed, among those with a result. */
  public static final String CHECKS_PASSING = "watershed.product.checks.passing";
  /** 1 when IN_SLO, 0 when OUT_OF_SLO, NaN when UNKNOWN. */
  public static final String IN_SLO = "watershed.product.in.slo";
  /** The availability target (tag {@code window}). */
  public static final String SLA_TARGET = "watershed.product.sla.target";
  /** IN_SLO time / measured time over the SLA window (tag {@code window}). */
  public static final String SLA_COMPLIANCE = "watershed.product.sla.compliance";
  /** The error budget of the window in seconds: {@code (1 - target) x window} (tag {@code window}). */
  public static final String ERROR_BUDGET = "watershed.product.error.budget";
  /** Share of the error budget left (tag {@code window}); negative once overspent. */
  public static final String ERROR_BUDGET_REMAINING = "watershed.product.error.budget.remaining";
  /** Error budget left, in seconds (tag {@code window}); negative once overspent. */
  public static final String ERROR_BUDGET_REMAINING_SECONDS = "watershed.product.error.budget.remaining.seconds";
  /** Burn rate over the last hour or six hours (tag {@code window} = {@code 1h} or {@code 6h}). */
  public static final String BURN_RATE = "watershed.product.burn.rate";

  public static final String TAG_PRODUCT = "product";
  public static final String TAG_DOMAIN = "domain";
  public static final String TAG_COLUMN = "column";
  public static final String TAG_WINDOW = "window";

  private ProductMetricNames() {}
}
