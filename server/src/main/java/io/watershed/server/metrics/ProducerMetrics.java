package io.watershed.server.metrics;

import static io.watershed.server.metrics.MetricNames.TAG_DOMAIN;
import static io.watershed.server.metrics.MetricNames.TAG_PRODUCER_JOB;
import static io.watershed.server.metrics.MetricNames.TAG_PRODUCT;
import static io.watershed.server.metrics.MetricNames.TAG_STATE;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer side of each data product: runs by final state, run durations, time to publish and the last
 * successful update, per product, domain and producing job. A product's meters are removed with the product, and
 * registered again under its new domain when the domain changes. At most {@code max-products} products and
 * {@code max-jobs} job labels.
 */
@Singleton
public class ProducerMetrics {

  /** Histogram buckets of durations: batch jobs run from seconds to a day. */
  static final Duration[] DURATION_BUCKETS = {
    Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10),
    Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
    Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24)
  };

  private static final Logger LOG = LoggerFactory.getLogger(ProducerMetrics.class);

  private final MeterRegistry registry;
  private final int maxProducts;
  private final LabelBudget jobs;
  private final Map<String, ProductMeters> products = new HashMap<>();
  private boolean warnedAboutCap;

  public ProducerMetrics(MeterRegistry registry, MetricsSettings settings) {
    this.registry = registry;
    this.maxProducts = settings.maxProducts();
    this.jobs = new LabelBudget(settings.maxJobs());
  }

  /** A producer run of the product finished in this state. */
  public synchronized void runFinished(ProductLabels product, String job, RunState state) {
    ProductMeters meters = meters(product);
    if (meters != null) {
      meters.add(
              Counter.builder(MetricNames.PRODUCT_RUNS)
                  .description("Finished producer runs of a data product, by final state")
                  .tags(tags(product, job).and(TAG_STATE, state.label()))
                  .register(registry))
          .increment();
    }
  }

  /** A successful producer run took this long (COMPLETE minus START). */
  public synchronized void runDuration(ProductLabels product, String job, Duration duration) {
    ProductMeters meters = meters(product);
    if (meters != null && !duration.isNegative()) {
      meters.add(timer(MetricNames.PRODUCT_RUN_DURATION, "Duration of successful producer runs", product, job))
          .record(duration);
    }
  }

  /** The product's output was committed this long after the run's scheduled (or actual) start. */
  public synchronized void timeToPublish(ProductLabels product, String job, Duration duration) {
    ProductMeters meters = meters(product);
    if (meters != null && !duration.isNegative()) {
      meters.add(timer(MetricNames.PRODUCT_TIME_TO_PUBLISH,
              "From a producer run's scheduled (else actual) start to its output being committed", product, job))
          .record(duration);
    }
  }

  /** A successful producer run updated the product at this (event) time; the gauge only moves forward. */
  public synchronized void updated(ProductLabels product, String job, Instant at) {
    ProductMeters meters = meters(product);
    if (meters == null) {
      return;
    }
    String jobLabel = jobs.label(job);
    AtomicLong millis = meters.lastUpdates.get(jobLabel);
    if (millis == null) {
      AtomicLong created = new AtomicLong(at.toEpochMilli());
      meters.lastUpdates.put(jobLabel, created);
      meters.add(
          Gauge.builder(MetricNames.PRODUCT_LAST_UPDATE, created, v -> v.get() / 1000.0)
              .description("Event time of the latest successful producer run, per product and job")
              .baseUnit("seconds")
              .tags(Tags.of(TAG_PRODUCT, product.product(), TAG_DOMAIN, product.domain(), TAG_PRODUCER_JOB, jobLabel))
              .strongReference(true)
              .register(registry));
    } else {
      millis.accumulateAndGet(at.toEpochMilli(), Math::max);
    }
  }

  /** Removes every meter of a product (it was deleted). */
  public synchronized void remove(String product) {
    ProductMeters meters = products.remove(product);
    if (meters != null) {
      meters.meters.forEach(registry::remove);
    }
  }

  /** The products that have meters now. */
  public synchronized List<String> products() {
    return products.keySet().stream().sorted().toList();
  }

  private ProductMeters meters(ProductLabels product) {
    ProductMeters current = products.get(product.product());
    if (current != null && current.domain.equals(product.domain())) {
      return current;
    }
    if (current != null) {
      remove(product.product());
    } else if (products.size() >= maxProducts) {
      if (!warnedAboutCap) {
        warnedAboutCap = true;
        LOG.warn("Producer meters are kept for {} data products (watershed.metrics.max-products); {} and later "
            + "products get none", maxProducts, product.product());
      }
      return null;
    }
    ProductMeters created = new ProductMeters(product.domain());
    products.put(product.product(), created);
    return created;
  }

  private Timer timer(String name, String description, ProductLabels product, String job) {
    return Timer.builder(name)
        .description(description)
        .tags(tags(product, job))
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry);
  }

  private Tags tags(ProductLabels product, String job) {
    return Tags.of(TAG_PRODUCT, product.product(), TAG_DOMAIN, product.domain(), TAG_PRODUCER_JOB, jobs.label(job));
  }

  /** One product's meters, so that they can be removed together. */
  private static final class ProductMeters {
    final String domain;
    final Set<Meter> meters = new LinkedHashSet<>();
    final Map<String, AtomicLong> lastUpdates = new HashMap<>();

    ProductMeters(String domain) {
      this.domain = domain;
    }

    <M extends Meter> M add(M meter) {
      meters.add(meter);
      return meter;
    }
  }
}
