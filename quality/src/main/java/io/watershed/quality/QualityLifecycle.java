package io.watershed.quality;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.watershed.graph.schema.GraphSchema;
import io.watershed.quality.evaluation.EvaluationService;
import io.watershed.quality.evaluation.FreshnessScheduler;
import io.watershed.quality.product.ContractDirectorySync;
import io.watershed.quality.product.ProductRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Starts the quality module once the graph schema is up to date, in an order that makes a restart lose nothing:
 * products from the graph, the contract directory, one evaluation of every product (which also rebuilds the
 * gauges), then the freshness scheduler. {@code watershed.quality.enabled=false} keeps all
 * of it from starting (a context that only needs the module's configuration).
 */
@Context
@Requires(property = "watershed.quality.enabled", notEquals = "false")
public class QualityLifecycle {

  private final ProductRegistry registry;
  private final ContractDirectorySync directory;
  private final EvaluationService evaluation;
  private final FreshnessScheduler scheduler;

  /** @param schema injected only so that migrations have run before anything here reads the graph */
  public QualityLifecycle(
      GraphSchema schema,
      ProductRegistry registry,
      ContractDirectorySync directory,
      EvaluationService evaluation,
      FreshnessScheduler scheduler) {
    this.registry = registry;
    this.directory = directory;
    this.evaluation = evaluation;
    this.scheduler = scheduler;
  }

  @PostConstruct
  public void start() {
    registry.load();
    directory.start();
    evaluation.requestAll();
    scheduler.start();
  }

  @PreDestroy
  public void stop() {
    scheduler.close();
    directory.close();
    evaluation.close();
  }
}
