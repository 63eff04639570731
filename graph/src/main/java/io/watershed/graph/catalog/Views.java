package io.watershed.graph.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the catalog read API returns, named and shaped as in Marquez's API. */
public final class Views {

  private Views() {}

  /** A page of results with the total count. */
  public record Page<T>(List<T> items, long totalCount) {}

  public record DatasetId(String namespace, String name) {}

  public record JobId(String namespace, String name) {}

  public record OwnerView(String name, @Nullable String type) {}

  public record SymlinkView(String namespace, String name, @Nullable String type) {}

  public record NamespaceView(
      String name, @Nullable OffsetDateTime createdAt, @Nullable OffsetDateTime updatedAt) {}

  public record FieldView(String name, @Nullable String type, @Nullable String description, List<String> tags) {}

  public record DatasetView(
      DatasetId id,
      String type,
      String name,
      String physicalName,
      String namespace,
      @Nullable String sourceName,
      @Nullable String description,
      @Nullable OffsetDateTime createdAt,
      @Nullable OffsetDateTime updatedAt,
      @Nullable OffsetDateTime lastModifiedAt,
      @Nullable String lastLifecycleState,
      List<FieldView> fields,
      List<String> retiredFields,
      List<OwnerView> owners,
      List<SymlinkView> symlinks,
      Map<String, JsonNode> facets) {}

  public record RunView(
      String id,
      @Nullable OffsetDateTime createdAt,
      @Nullable OffsetDateTime updatedAt,
      @Nullable OffsetDateTime nominalStartTime,
      @Nullable OffsetDateTime nominalEndTime,
      String state,
      @Nullable String lastEventType,
      @Nullable OffsetDateTime startedAt,
      @Nullable OffsetDateTime endedAt,
      @Nullable Long durationMs,
      @Nullable JobId job,
      @Nullable String parentRunId,
      @Nullable String errorMessage,
      List<DatasetId> inputDatasets,
      List<Map<String, Object>> outputDatasetVersions,
      Map<String, JsonNode> facets) {}

  public record JobView(
      JobId id,
      @Nullable String type,
      String name,
      String simpleName,
      @Nullable String parentJobName,
      String namespace,
      @Nullable String description,
      @Nullable OffsetDateTime createdAt,
      @Nullable OffsetDateTime updatedAt,
      List<DatasetId> inputs,
      List<DatasetId> outputs,
      List<OwnerView> owners,
      @Nullable RunView latestRun,
      Map<String, JsonNode> facets) {}

  public record DatasetVersionView(
      String version,
      String namespace,
      String name,
      @Nullable String createdByRun,
      @Nullable OffsetDateTime createdAt,
      @Nullable OffsetDateTime completedAt,
      @Nullable String lifecycleState,
      List<FieldView> fields,
      Map<String, JsonNode> facets) {}
}
