package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.graph.impact.ImpactRequest;
import io.watershed.graph.impact.RootCauseAnalysis;
import io.watershed.graph.impact.RootCauseReport;

/**
 * {@code GET /api/v1/data-products/{name}/root-cause}: the failing, stale or changed upstream nodes nearest the
 * source, with the path from each down to the product.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RootCauseController {

  static final int DEFAULT_DEPTH = 20;
  static final int DEFAULT_LIMIT = 2000;

  private final RootCauseAnalysis analysis;

  public RootCauseController(RootCauseAnalysis analysis) {
    this.analysis = analysis;
  }

  /**
   * @param depth relationships to walk upstream, 1-50 (default 20)
   * @param limit nodes to visit at most, 1-10000 (default 2000)
   */
  @Get("/data-products/{name}/root-cause")
  public RootCauseReport rootCause(
      @PathVariable String name, @Nullable @QueryValue Integer depth, @Nullable @QueryValue Integer limit) {
    return analysis.rootCause(
        name,
        Params.range("depth", depth, DEFAULT_DEPTH, 1, ImpactRequest.MAX_DEPTH),
        Params.range("limit", limit, DEFAULT_LIMIT, 1, ImpactRequest.MAX_NODES));
  }
}
