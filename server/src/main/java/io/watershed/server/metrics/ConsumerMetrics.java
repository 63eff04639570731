package io.watershed.server.metrics;

import static io.watershed.server.metrics.MetricNames.TAG_CONSUMER_DOMAIN;
import static io.watershed.server.metrics.MetricNames.TAG_DOMAIN;
import static io.watershed.server.metrics.MetricNames.TAG_PRODUCT;
import static io.watershed.server.metrics.MetricNames.TAG_WINDOW;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import io.watershed.server.metrics.ConsumerSnapshot.ProductConsumers;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The consumer gauges. Each refresh replaces every row, so a deleted product's series disappear with it. Labels are
 * the product and its domain (products capped at {@code max-products} by the query), a fixed {@code window}, and for
 * the reuse matrix two domains capped at {@code max-domains}.
 */
@Singleton
public class ConsumerMetrics {

  private final MultiGauge consumerJobs;
  private final MultiGauge consumerDomains;
  private final MultiGauge crossDomain;
  private final MultiGauge reads;
  private final MultiGauge reuse;
  private final LabelBudget domains;

  public ConsumerMetrics(MeterRegistry registry, MetricsSettings settings) {
    this.domains = new LabelBudget(settings.maxDomains());
    this.consumerJobs = MultiGauge.builder(MetricNames.CONSUMER_JOBS)
        .description("Distinct jobs that read a data product's output ports within the consumer lookback")
        .register(registry);
    this.consumerDomains = MultiGauge.builder(MetricNames.CONSUMER_DOMAINS)
        .description("Distinct domains of the jobs that read a data product")
        .register(registry);
    this.crossDomain = MultiGauge.builder(MetricNames.CROSS_DOMAIN_CONSUMERS)
        .description("Domains other than its own whose jobs read a data product")
        .register(registry);
    this.reads = MultiGauge.builder(MetricNames.READS)
        .description("Runs of consumer jobs that read a data product's output ports within the window")
        .register(registry);
    this.reuse = MultiGauge.builder(MetricNames.DOMAIN_REUSE)
        .description("Data products of a domain read by jobs of another domain")
        .register(registry);
  }

  public void update(ConsumerSnapshot snapshot) {
    List<Row<?>> jobs = new ArrayList<>();
    List<Row<?>> domainRows = new ArrayList<>();
    List<Row<?>> crossRows = new ArrayList<>();
    List<Row<?>> readRows = new ArrayList<>();
    for (ProductConsumers p : snapshot.products()) {
      Tags tags = Tags.of(TAG_PRODUCT, p.labels().product(), TAG_DOMAIN, p.labels().domain());
      jobs.add(Row.of(tags, p.consumerJobs()));
      domainRows.add(Row.of(tags, p.consumerDomains().size()));
      crossRows.add(Row.of(tags, p.crossDomainConsumers().size()));
      readRows.add(Row.of(tags.and(TAG_WINDOW, ConsumerQueries.LONG_WINDOW), p.reads()));
      readRows.add(Row.of(tags.and(TAG_WINDOW, ConsumerQueries.SHORT_WINDOW), p.readsShort()));
    }
    List<Row<?>> reuseRows = new ArrayList<>();
    snapshot.reuse(domains).forEach((domain, byConsumer) -> byConsumer.forEach((consumer, count) ->
        reuseRows.add(Row.of(Tags.of(TAG_DOMAIN, domain, TAG_CONSUMER_DOMAIN, consumer), count))));
    consumerJobs.register(jobs, true);
    consumerDomains.register(domainRows, true);
    crossDomain.register(crossRows, true);
    reads.register(readRows, true);
    reuse.register(reuseRows, true);
  }
}
