package io.watershed.quality.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.watershed.quality.QualitySettings;
import io.watershed.quality.evaluation.Evaluation;
import io.watershed.quality.evaluation.Observations;
import io.watershed.quality.evaluation.ProductEvaluator;
import io.watershed.quality.evaluation.SloState;
import io.watershed.quality.product.RegisteredProduct;
import io.watershed.quality.slo.SloInterval;
import io.watershed.quality.testing.Contracts;
import io.watershed.quality.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductMetricsTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void shouldGaugeAProductAndComputeTimeDependentValuesAtReadTime() {
    ProductMetrics metrics = new ProductMetrics(registry, clock, QualitySettings.defaults());
    RegisteredProduct orders = Contracts.registered(Contracts.ORDERS_CONTRACT, T0);
    Evaluation e = new ProductEvaluator().evaluate(orders, Observations.NONE, T0);
    metrics.update(orders, e, List.of(new SloInterval(T0, null, SloState.OUT_OF_SLO, List.of())));

    clock.advance(Duration.ofMinutes(30));
    assertThat(gauge(ProductMetricNames.FRESHNESS_AGE)).isEqualTo(1800.0);
    assertThat(gauge(ProductMetricNames.FRESHNESS_OBJECTIVE)).isEqualTo(3600.0);
    assertThat(gauge(ProductMetricNames.IN_SLO)).isNaN(); // UNKNOWN: no data yet
    assertThat(gauge(ProductMetricNames.ERROR_BUDGET_REMAINING_SECONDS))
        .as("30 days x 1%% = 25,920 s, minus 30 minutes out of SLO").isCloseTo(25_920.0 - 1_800.0,
            offset(1e-6));
    assertThat(registry.get(ProductMetricNames.COMPLETENESS).tag("column", "customer_id")
        .tag("product", "orders").tag("domain", "sales").gauge().value()).isNaN();
    assertThat(registry.get(ProductMetricNames.BURN_RATE).tag("window", "1h").gauge().value())
        .isCloseTo(50.0, offset(1e-9));
    assertThat(registry.get(ProductMetricNames.SLA_COMPLIANCE).tag("window", "30d").gauge().value()).isZero();
  }

  @Test
  void shouldRemoveAProductsMetersAndBoundHowManyProductsAreGauged() {
    QualitySettings one = new QualitySettings(Duration.ofSeconds(15), 1, 50, 1000, 1, 1);
    ProductMetrics metrics = new ProductMetrics(registry, clock, one);
    RegisteredProduct orders = Contracts.registered(Contracts.ORDERS_CONTRACT, T0);
    RegisteredProduct fresh = Contracts.registered(Contracts.FRESHNESS_ONLY, T0);
    ProductEvaluator evaluator = new ProductEvaluator();
    metrics.update(orders, evaluator.evaluate(orders, Observations.NONE, T0), List.of());
    metrics.update(fresh, evaluator.evaluate(fresh, Observations.NONE, T0), List.of());
    assertThat(metrics.gaugedProducts()).isEqualTo(1);
    assertThat(registry.find(ProductMetricNames.IN_SLO).tag("product", "orders-fresh").gauge()).isNull();

    metrics.remove("orders");
    assertThat(registry.getMeters()).isEmpty();
  }

  private double gauge(String name) {
    return registry.get(name).tag("product", "orders").gauge().value();
  }
}
