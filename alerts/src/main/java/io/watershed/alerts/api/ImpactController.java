package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.graph.impact.ImpactAnalysis;
import io.watershed.graph.impact.ImpactReport;
import io.watershed.graph.impact.ImpactRequest;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeId.NodeType;
import java.util.List;

/**
 * {@code GET /api/v1/impact?nodeId=...[&field=...][&depth=...][&limit=...]}: what downstream is affected when a
 * dataset, job or column changes or breaks, with the path that explains each product, dataset, job and owner.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ImpactController {

  static final int DEFAULT_DEPTH = 10;
  static final int DEFAULT_LIMIT = 1000;

  private final ImpactAnalysis impact;

  public ImpactController(ImpactAnalysis impact) {
    this.impact = impact;
  }

  /**
   * @param nodeId {@code dataset:<ns>:<name>}, {@code job:<ns>:<name>} or {@code datasetField:<ns>:<dataset>:<field>}
   * @param field with a dataset node id: changed fields (repeatable); the walk then follows column lineage
   * @param depth relationships to follow, 1-50 (default 10; a column derivation counts as two)
   * @param limit nodes to visit at most, 1-10000 (default 1000)
   */
  @Get("/impact")
  public ImpactReport impact(
      @Nullable @QueryValue String nodeId,
      @Nullable @QueryValue List<String> field,
      @Nullable @QueryValue Integer depth,
      @Nullable @QueryValue Integer limit) {
    NodeId start = NodeId.parse(Params.required("nodeId", nodeId));
    List<String> fields = field == null ? List.of() : field.stream().map(String::strip).toList();
    if (!fields.isEmpty() && start.type() != NodeType.DATASET) {
      throw new BadParameterException("field", "can only be given with a dataset nodeId");
    }
    if (fields.stream().anyMatch(String::isEmpty)) {
      throw new BadParameterException("field", "must not be empty");
    }
    int d = Params.range("depth", depth, DEFAULT_DEPTH, 1, ImpactRequest.MAX_DEPTH);
    int l = Params.range("limit", limit, DEFAULT_LIMIT, 1, ImpactRequest.MAX_NODES);
    return impact.impact(new ImpactRequest(start, fields, d, l));
  }
}
