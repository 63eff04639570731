package io.watershed.quality.results;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one named check on one dataset at one time, from any route. Contracts name the checks that must
 * pass; the latest result of each decides.
 *
 * @param id deterministic from the result's origin, so that a resend stores nothing new
 * @param column the column checked, or null for a dataset-level check
 * @param observedValue what the check measured (a failure count, a ratio ...), when it says
 * @param threshold what it was compared with, when it says
 * @param runId the run (OpenLineage run id, dbt invocation id) that produced it, when known
 */
public record CheckResult(
    String id,
    DatasetRef dataset,
    String check,
    @Nullable String column,
    @Nullable Dimension dimension,
    boolean success,
    @Nullable Double observedValue,
    @Nullable Double threshold,
    Instant time,
    @Nullable String producer,
    @Nullable String runId,
    ResultSource source) {

  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
  }
}
