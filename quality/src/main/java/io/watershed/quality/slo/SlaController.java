package io.watershed.quality.slo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.quality.api.ProductNotFoundException;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.metrics.WindowLabels;
import io.watershed.quality.product.ProductRegistry;
import io.watershed.quality.product.ProductWindows;
import io.watershed.quality.product.RegisteredProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/data-products/{name}/sla?window=30d}: SLA compliance, error budget and burn rates over the
 * window, with the state intervals they are computed from (clipped to the window).
 */
@Controller("/api/v1/data-products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlaController {

  private final ProductRegistry registry;
  private final SloRepository slo;
  private final Clock clock;

  public SlaController(ProductRegistry registry, SloRepository slo, Clock clock) {
    this.registry = registry;
    this.slo = slo;
    this.clock = clock;
  }

  @Get(value = "/{name}/sla", produces = MediaType.APPLICATION_JSON)
  public SlaHistory sla(@PathVariable String name, @Nullable @QueryValue String window) {
    RegisteredProduct product = registry.get(name).orElseThrow(() -> new ProductNotFoundException(name));
    DataProductContract contract = product.contract();
    Duration span = SlaWindows.parse(window, ProductWindows.window(contract));
    Instant now = clock.instant();
    List<SloInterval> intervals = slo.intervals(name, now.minus(span), now);
    Double target = contract.availability() == null ? null : contract.availability().target();
    SlaReport report = ComplianceCalculator.report(intervals, span, target, now);
    List<SloInterval> clipped = intervals.stream().map(i -> clip(i, report.from(), now)).toList();
    return new SlaHistory(name, WindowLabels.of(span), report, clipped,
        intervals.size() >= SloRepository.MAX_INTERVALS);
  }

  private static SloInterval clip(SloInterval i, Instant from, Instant to) {
    Instant start = i.from().isBefore(from) ? from : i.from();
    Instant end = i.to() == null ? null : (i.to().isAfter(to) ? to : i.to());
    return new SloInterval(start, end, i.state(), i.reasons());
  }

  /**
   * The SLA of a product over a window and its history.
   *
   * @param intervals the state intervals within the window, oldest first; the open one has {@code to} null
   * @param truncated true when the window holds more intervals than are returned
   */
  public record SlaHistory(
      String product, String window, SlaReport sla, List<SloInterval> intervals, boolean truncated) {}
}
