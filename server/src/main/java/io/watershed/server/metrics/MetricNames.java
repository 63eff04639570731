package io.watershed.server.metrics;

/**
 * Names and tags of the producer and consumer meters (Micrometer dots; the Prometheus names, with unit and
 * {@code _total} suffixes, are in docs/metrics.md). Every label value is bounded: products are the registered data
 * products (at most {@code watershed.metrics.max-products}), domains come from their contracts, jobs are capped, and
 * states and windows are fixed sets. No run ids and no free text.
 */
public final class MetricNames {

  /** Finished runs that wrote (or, without outputs, whose job writes) a product's output port, by final state. */
  public static final String PRODUCT_RUNS = "watershed.product.runs";
  /** Duration of successful producer runs: COMPLETE event time minus START event time. */
  public static final String PRODUCT_RUN_DURATION = "watershed.product.run.duration";
  /** Time to publish: from the run's scheduled (nominal) start, else its START, to its COMPLETE event. */
  public static final String PRODUCT_TIME_TO_PUBLISH = "watershed.product.time.to.publish";
  /** Event time of the latest successful producer run, per product and job. */
  public static final String PRODUCT_LAST_UPDATE = "watershed.product.last.update.timestamp";
  /** Producer runs the recorder could not keep up with (its queue was full). */
  public static final String RUNS_DROPPED = "watershed.metrics.runs.dropped";

  /** Distinct jobs that read a product's output ports within the consumer lookback. */
  public static final String CONSUMER_JOBS = "watershed.product.consumer.jobs";
  /** Distinct domains of those jobs (a job's domains are the domains of the products it writes). */
  public static final String CONSUMER_DOMAINS = "watershed.product.consumer.domains";
  /** Consumer domains other than the product's own. */
  public static final String CROSS_DOMAIN_CONSUMERS = "watershed.product.cross.domain.consumers";
  /** Runs of consumer jobs that read a product's output ports, within a window (tag {@code window}). */
  public static final String READS = "watershed.product.reads";
  /** Products of one domain read by jobs of another domain. */
  public static final String DOMAIN_REUSE = "watershed.domain.reused.products";

  /** The Neo4j transaction timer, shared with ingest (tag {@code operation}). */
  public static final String NEO4J_TRANSACTION = "watershed.neo4j.transaction";

  public static final String TAG_PRODUCT = "product";
  public static final String TAG_DOMAIN = "domain";
  /** Not {@code job}: Prometheus gives every scraped series a {@code job} label of its own. */
  public static final String TAG_PRODUCER_JOB = "producer_job";
  public static final String TAG_STATE = "state";
  public static final String TAG_WINDOW = "window";
  public static final String TAG_CONSUMER_DOMAIN = "consumer_domain";
  public static final String TAG_OPERATION = "operation";

  /** The label value that stands for every value beyond a cap. */
  public static final String OTHER = "other";

  private MetricNames() {}
}
