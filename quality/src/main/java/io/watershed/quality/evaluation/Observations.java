package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.results.CheckResult;
import io.watershed.quality.results.MetricObservation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the graph knows about a product's ports at one moment: when each was last updated, the latest metrics and
 * the latest check results. The evaluator judges these; it reads nothing else.
 *
 * @param columnMetrics latest observation per port and column
 * @param rowCounts latest row count per port
 * @param checks latest result per port, check name and column
 */
public record Observations(
    Map<DatasetRef, PortUpdate> updates,
    Map<PortColumn, MetricObservation> columnMetrics,
    Map<DatasetRef, MetricObservation> rowCounts,
    List<CheckResult> checks) {

  public static final Observations NONE = new Observations(Map.of(), Map.of(), Map.of(), List.of());

  public Observations {
    updates = Map.copyOf(updates);
    columnMetrics = Map.copyOf(columnMetrics);
    rowCounts = Map.copyOf(rowCounts);
    checks = List.copyOf(checks);
  }

  /** A port's last successful update and what made it; both null when never written. */
  public record PortUpdate(@Nullable Instant lastModifiedAt, @Nullable UpdateEvidence evidence) {}

  /** A column of one port. */
  public record PortColumn(DatasetRef port, String column) {}
}
