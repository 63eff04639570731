package io.watershed.quality.results;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A measurement of a dataset's content: its row count (column null), or one column's null count and non-null ratio.
 * Completeness and row-count objectives are judged on the latest observation.
 *
 * @param rowCount rows of the dataset (dataset level), or rows evaluated for the column
 * @param nullCount nulls in the column, when counted (then {@code rowCount} is known and the ratio is exact)
 * @param nonNullRatio share of non-null values of the column; null at dataset level
 * @param evidence what it was read from, e.g. {@code dataQualityMetrics} or {@code check:customer_id_complete}
 */
public record MetricObservation(
    String id,
    DatasetRef dataset,
    @Nullable String column,
    @Nullable Long rowCount,
    @Nullable Long nullCount,
    @Nullable Double nonNullRatio,
    Instant time,
    @Nullable String producer,
    @Nullable String runId,
    ResultSource source,
    String evidence) {

  public MetricObservation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(evidence, "evidence");
    if (column == null && rowCount == null) {
      throw new IllegalArgumentException("a dataset-level observation is a row count");
    }
    if (column != null && nonNullRatio == null) {
      throw new IllegalArgumentException("a column observation has a non-null ratio");
    }
  }

  /** A dataset's row count. */
  public static MetricObservation rowCount(
      String id, DatasetRef dataset, long rows, Instant time, @Nullable String producer, @Nullable String runId,
      ResultSource source, String evidence) {
    return new MetricObservation(id, dataset, null, rows, null, null, time, producer, runId, source, evidence);
  }

  /** A column's null count out of a row count; an empty dataset has no nulls (ratio 1). */
  public static MetricObservation nullCount(
      String id, DatasetRef dataset, String column, long rows, long nulls, Instant time, @Nullable String producer,
      @Nullable String runId, ResultSource source, String evidence) {
    double ratio = rows <= 0 ? 1.0 : (double) (rows - nulls) / rows;
    return new MetricObservation(id, dataset, column, rows, nulls, ratio, time, producer, runId, source, evidence);
  }
}
