package io.watershed.alerts.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.alerts.api.ApiViews.ChangeList;
import io.watershed.alerts.api.ApiViews.ChangeView;
import io.watershed.alerts.change.ChangeKind;
import io.watershed.alerts.change.ChangeStatus;
import io.watershed.alerts.change.ChangeStore;

/** Detected changes: {@code GET /api/v1/changes}, {@code GET /api/v1/changes/{id}}. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ChangeController {

  private final ChangeStore changes;

  public ChangeController(ChangeStore changes) {
    this.changes = changes;
  }

  /**
   * @param nodeId only changes about this node ({@code dataset:...}, {@code job:...}, {@code dataProduct:<name>})
   * @param kind e.g. {@code schema_breaking}, {@code run_failed}
   * @param status {@code open}, {@code resolved} or {@code info}
   */
  @Get("/changes")
  public ChangeList list(
      @Nullable @QueryValue String nodeId,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    int l = Params.limit(limit);
    int o = Params.offset(offset);
    return new ChangeList(
        changes.list(Params.optional(nodeId), Params.enumValue("kind", kind, ChangeKind.class),
                Params.enumValue("status", status, ChangeStatus.class), o, l).stream()
            .map(ChangeView::of)
            .toList(),
        l,
        o);
  }

  @Get("/changes/{id}")
  public ChangeView get(@PathVariable String id) {
    return changes.get(id).map(ChangeView::of).orElseThrow(() -> new ResourceNotFoundException("change", id));
  }
}
