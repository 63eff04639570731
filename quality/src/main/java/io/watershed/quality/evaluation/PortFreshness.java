package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;
import java.time.Instant;

/**
 * The freshness of one output port.
 *
 * @param lastUpdate the last successful update (COMPLETE run or DatasetEvent), null when never written
 * @param ageSeconds seconds since then (0 when the producer's clock is ahead), null when never written
 * @param deadline the last instant the port is still fresh: {@code lastUpdate + objective}, or for a port never
 *     written {@code activeSince + objective}
 */
public record PortFreshness(
    DatasetRef port,
    ObjectiveStatus status,
    @Nullable Instant lastUpdate,
    @Nullable Double ageSeconds,
    Instant deadline,
    @Nullable UpdateEvidence evidence) {}
