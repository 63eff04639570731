package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;

/** One port's row count against its inclusive range. */
public record RowCountStatus(
    DatasetRef port,
    @Nullable Long min,
    @Nullable Long max,
    @Nullable Long observed,
    ObjectiveStatus status,
    @Nullable MetricEvidence evidence) {}
