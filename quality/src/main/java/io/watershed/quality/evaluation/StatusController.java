package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.quality.api.ProductNotFoundException;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.metrics.WindowLabels;
import io.watershed.quality.product.DataProductRepository;
import io.watershed.quality.product.ProductRegistry;
import io.watershed.quality.product.ProductWindows;
import io.watershed.quality.product.RegisteredProduct;
import io.watershed.quality.slo.ComplianceCalculator;
import io.watershed.quality.slo.SlaReport;
import io.watershed.quality.slo.SloRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/data-products/{name}/status}: the product evaluated now, with the evidence of every objective
 * (which run updated each port, which observation or check result decided), its state and since when, and its SLA
 * over the contract's window.
 */
@Controller("/api/v1/data-products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

  private final ProductRegistry registry;
  private final EvaluationService evaluation;
  private final DataProductRepository products;
  private final SloRepository slo;

  public StatusController(
      ProductRegistry registry, EvaluationService evaluation, DataProductRepository products, SloRepository slo) {
    this.registry = registry;
    this.evaluation = evaluation;
    this.products = products;
    this.slo = slo;
  }

  @Get(value = "/{name}/status", produces = MediaType.APPLICATION_JSON)
  public ProductStatus status(@PathVariable String name) {
    RegisteredProduct product = registry.get(name).orElseThrow(() -> new ProductNotFoundException(name));
    Evaluation e = evaluation.evaluateNow(name);
    DataProductRepository.RecordedState recorded =
        products.state(name).orElseThrow(() -> new ProductNotFoundException(name));
    DataProductContract contract = product.contract();
    Duration window = ProductWindows.window(contract);
    Double target = contract.availability() == null ? null : contract.availability().target();
    SlaReport sla = ComplianceCalculator.report(
        slo.intervals(name, e.at().minus(window), e.at()), window, target, e.at());
    return new ProductStatus(name, contract.domain(), e.at(), e.state(), recorded.stateSince(), e.reasonTexts(),
        e.nextDeadline(),
        new Freshness(e.freshnessObjective() == null ? null : e.freshnessObjective().toSeconds(), e.freshness()),
        e.completeness(), e.rowCounts(), e.checks(), e.checksPassingRatio(), WindowLabels.of(window), sla);
  }

  /** The status of a product, as {@code GET .../status} returns it. */
  public record ProductStatus(
      String product,
      @Nullable String domain,
      Instant evaluatedAt,
      SloState state,
      @Nullable Instant stateSince,
      List<String> reasons,
      @Nullable Instant nextDeadline,
      Freshness freshness,
      List<ColumnCompleteness> completeness,
      List<RowCountStatus> rowCounts,
      List<CheckStatus> checks,
      @Nullable Double checksPassingRatio,
      String slaWindow,
      SlaReport sla) {}

  /** The freshness objective and each port's freshness. */
  public record Freshness(@Nullable Long objectiveSeconds, List<PortFreshness> ports) {}
}
