package io.watershed.quality.metrics;

import static io.watershed.quality.metrics.ProductMetricNames.TAG_COLUMN;
import static io.watershed.quality.metrics.ProductMetricNames.TAG_DOMAIN;
import static io.watershed.quality.metrics.ProductMetricNames.TAG_PRODUCT;
import static io.watershed.quality.metrics.ProductMetricNames.TAG_WINDOW;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.watershed.quality.QualitySettings;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.evaluation.Evaluation;
import io.watershed.quality.product.ProductWindows;
import io.watershed.quality.product.RegisteredProduct;
import io.watershed.quality.slo.SloInterval;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-product gauges. Each product's meters are registered once (again only when its domain or completeness columns
 * change), hold a strong reference to the product's {@link ProductGaugeState}, and are removed with the product.
 * Cardinality is bounded: at most {@code max-gauged-products} products and {@code max-gauged-columns} columns each.
 */
@Singleton
public class ProductMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(ProductMetrics.class);

  private final MeterRegistry registry;
  private final Clock clock;
  private final int maxProducts;
  private final int maxColumns;
  private final Map<String, Registered> products = new ConcurrentHashMap<>();
  private final Map<String, Boolean> refused = new ConcurrentHashMap<>();

  public ProductMetrics(MeterRegistry registry, Clock clock, QualitySettings settings) {
    this.registry = registry;
    this.clock = clock;
    this.maxProducts = settings.maxGaugedProducts();
    this.maxColumns = settings.maxGaugedColumns();
  }

  /** Publishes a product's latest evaluation and state history (within its SLA window). */
  public synchronized void update(RegisteredProduct product, Evaluation evaluation, List<SloInterval> intervals) {
    DataProductContract contract = product.contract();
    String name = product.name().value();
    Duration window = ProductWindows.window(contract);
    Double target = contract.availability() == null ? null : contract.availability().target();
    List<String> columns = columns(contract);
    Registered current = products.get(name);
    if (current != null && current.domain().equals(product.domainLabel()) && current.columns().equals(columns)
        && current.window().equals(window)) {
      current.state().update(product.activeSince(), evaluation, intervals, window, target);
      return;
    }
    if (current != null) {
      remove(name);
    } else if (products.size() >= maxProducts) {
      if (refused.putIfAbsent(name, Boolean.TRUE) == null) {
        LOG.warn("Not gauging data product {}: {} products are gauged already (watershed.quality.max-gauged-products)",
            name, maxProducts);
      }
      return;
    }
    ProductGaugeState state =
        new ProductGaugeState(clock, product.activeSince(), evaluation, intervals, window, target);
    products.put(name, new Registered(product.domainLabel(), columns, window, state,
        register(name, product.domainLabel(), columns, window, state)));
  }

  /** Removes every meter of a product (it was deleted). */
  public synchronized void remove(String product) {
    refused.remove(product);
    Registered registered = products.remove(product);
    if (registered != null) {
      registered.meters().forEach(registry::remove);
    }
  }

  /** How many products have gauges. */
  public int gaugedProducts() {
    return products.size();
  }

  private List<String> columns(DataProductContract contract) {
    TreeSet<String> columns = new TreeSet<>();
    contract.quality().completeness().forEach(o -> columns.add(o.column()));
    if (columns.size() > maxColumns) {
      LOG.warn("Data product {} has {} completeness columns; gauging the first {} (watershed.quality.max-gauged-columns)",
          contract.name(), columns.size(), maxColumns);
    }
    return columns.stream().limit(maxColumns).toList();
  }

  private List<Meter> register(
      String product, String domain, List<String> columns, Duration window, ProductGaugeState state) {
    Tags base = Tags.of(TAG_PRODUCT, product, TAG_DOMAIN, domain);
    Tags windowed = base.and(TAG_WINDOW, WindowLabels.of(window));
    List<Meter> meters = new ArrayList<>();
    meters.add(gauge(ProductMetricNames.FRESHNESS_AGE, base, "seconds",
        "Seconds since the stalest output port was last updated", state, ProductGaugeState::freshnessAge));
    meters.add(gauge(ProductMetricNames.FRESHNESS_OBJECTIVE, base, "seconds",
        "Freshness objective of the product", state, ProductGaugeState::freshnessObjective));
    for (String column : columns) {
      meters.add(gauge(ProductMetricNames.COMPLETENESS, base.and(TAG_COLUMN, column), "ratio",
          "Non-null ratio of a column (worst output port)", state, s -> s.completeness(column)));
    }
    meters.add(gauge(ProductMetricNames.CHECKS_PASSING, base, "ratio",
        "Share of named checks whose latest results passed", state, ProductGaugeState::checksPassing));
    meters.add(gauge(ProductMetricNames.IN_SLO, base, null,
        "1 when the product meets its contract, 0 when not, NaN when unknown", state, ProductGaugeState::inSlo));
    meters.add(gauge(ProductMetricNames.SLA_TARGET, windowed, "ratio",
        "Availability target of the product", state, ProductGaugeState::target));
    meters.add(gauge(ProductMetricNames.SLA_COMPLIANCE, windowed, "ratio",
        "Share of measured time the product was in SLO over the window", state,
        s -> ProductGaugeState.orNaN(s.report().compliance())));
    meters.add(gauge(ProductMetricNames.ERROR_BUDGET, windowed, "seconds",
        "Violation time the target allows over the window", state,
        s -> ProductGaugeState.orNaN(s.report().errorBudgetSeconds())));
    meters.add(gauge(ProductMetricNames.ERROR_BUDGET_REMAINING, windowed, "ratio",
        "Share of the error budget left over the window", state,
        s -> ProductGaugeState.orNaN(s.report().errorBudgetRemainingRatio())));
    meters.add(gauge(ProductMetricNames.ERROR_BUDGET_REMAINING_SECONDS, windowed, "seconds",
        "Error budget left over the window", state,
        s -> ProductGaugeState.orNaN(s.report().errorBudgetRemainingSeconds())));
    meters.add(gauge(ProductMetricNames.BURN_RATE, base.and(TAG_WINDOW, "1h"), null,
        "Error budget burn rate over the last hour", state, s -> ProductGaugeState.orNaN(s.report().burnRate1h())));
    meters.add(gauge(ProductMetricNames.BURN_RATE, base.and(TAG_WINDOW, "6h"), null,
        "Error budget burn rate over the last six hours", state,
        s -> ProductGaugeState.orNaN(s.report().burnRate6h())));
    return meters;
  }

  private Meter gauge(String name, Tags tags, String unit, String description, ProductGaugeState state,
      ToDoubleFunction<ProductGaugeState> value) {
    return Gauge.builder(name, state, value)
        .tags(tags)
        .baseUnit(unit)
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  private record Registered(
      String domain, List<String> columns, Duration window, ProductGaugeState state, List<Meter> meters) {}
}
