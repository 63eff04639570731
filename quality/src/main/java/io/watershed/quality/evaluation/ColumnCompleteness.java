package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;

/** One column's completeness on one port against its objective. */
public record ColumnCompleteness(
    DatasetRef port,
    String column,
    double minRatio,
    @Nullable Double observedRatio,
    @Nullable Long rowCount,
    @Nullable Long nullCount,
    ObjectiveStatus status,
    @Nullable MetricEvidence evidence) {}
