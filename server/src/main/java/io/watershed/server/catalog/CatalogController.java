package io.watershed.server.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.graph.catalog.CatalogQueries;
import io.watershed.graph.catalog.Views.DatasetVersionView;
import io.watershed.graph.catalog.Views.DatasetView;
import io.watershed.graph.catalog.Views.JobView;
import io.watershed.graph.catalog.Views.NamespaceView;
import io.watershed.graph.catalog.Views.Page;
import io.watershed.graph.catalog.Views.RunView;
import io.watershed.server.errors.Paging;
import java.util.List;
import java.util.Map;

/**
 * Namespaces, datasets, jobs and runs, with Marquez's paths and list shapes ({@code {"datasets": [...],
 * "totalCount": n}}). Namespaces and names go URL-encoded in the path ({@code postgres%3A%2F%2Fdb%3A5432}).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CatalogController {

  private final CatalogQueries catalog;

  public CatalogController(CatalogQueries catalog) {
    this.catalog = catalog;
  }

  @Get("/namespaces")
  public Map<String, Object> namespaces(@Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
    Page<NamespaceView> page = catalog.namespaces(Paging.limit(limit), Paging.offset(offset));
    return Map.of("namespaces", page.items(), "totalCount", page.totalCount());
  }

  @Get("/namespaces/{namespace}")
  public NamespaceView namespace(@PathVariable String namespace) {
    return catalog.namespace(namespace);
  }

  @Get("/namespaces/{namespace}/datasets")
  public Map<String, Object> datasets(
      @PathVariable String namespace, @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
    Page<DatasetView> page = catalog.datasets(namespace, Paging.limit(limit), Paging.offset(offset));
    return Map.of("datasets", page.items(), "totalCount", page.totalCount());
  }

  @Get("/namespaces/{namespace}/datasets/{dataset}")
  public DatasetView dataset(@PathVariable String namespace, @PathVariable String dataset) {
    return catalog.dataset(namespace, dataset);
  }

  @Get("/namespaces/{namespace}/datasets/{dataset}/versions")
  public Map<String, Object> datasetVersions(
      @PathVariable String namespace,
      @PathVariable String dataset,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    Page<DatasetVersionView> page =
        catalog.datasetVersions(namespace, dataset, Paging.limit(limit), Paging.offset(offset));
    return Map.of("versions", page.items(), "totalCount", page.totalCount());
  }

  @Get("/namespaces/{namespace}/jobs")
  public Map<String, Object> jobs(
      @PathVariable String namespace, @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset) {
    Page<JobView> page = catalog.jobs(namespace, Paging.limit(limit), Paging.offset(offset));
    return Map.of("jobs", page.items(), "totalCount", page.totalCount());
  }

  @Get("/namespaces/{namespace}/jobs/{job}")
  public JobView job(@PathVariable String namespace, @PathVariable String job) {
    return catalog.job(namespace, job);
  }

  @Get("/namespaces/{namespace}/jobs/{job}/runs")
  public Map<String, Object> runs(
      @PathVariable String namespace,
      @PathVariable String job,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Integer offset) {
    Page<RunView> page = catalog.runs(namespace, job, Paging.limit(limit), Paging.offset(offset));
    return Map.of("runs", page.items(), "totalCount", page.totalCount());
  }

  @Get("/runs/{runId}")
  public RunView run(@PathVariable String runId) {
    return catalog.run(runId.toLowerCase(java.util.Locale.ROOT));
  }

  @Get("/runs/{runId}/events")
  public Map<String, List<JsonNode>> runEvents(@PathVariable String runId) {
    return Map.of("events", catalog.runEvents(runId.toLowerCase(java.util.Locale.ROOT)));
  }
}
