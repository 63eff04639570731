package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;

/**
 * What made a port's last successful update: a COMPLETE run (with its job) or a DatasetEvent.
 *
 * @param kind {@code run} or {@code datasetEvent}
 */
public record UpdateEvidence(
    String kind, @Nullable String runId, @Nullable String jobNamespace, @Nullable String jobName) {}
