package io.watershed.bench.ingest;

import io.watershed.bench.stats.LatencySummary;

/**
 * What the client saw in one phase.
 *
 * @param okEvents events the server acknowledged (201, or counted successful in a batch summary)
 * @param failedEvents events that failed (HTTP error, timeout, connection error, or failed in a batch summary)
 * @param requests HTTP requests sent (one per event in single mode, one per batch in batch mode)
 * @param elapsedNanos from the phase's start to the end of its last request
 * @param latency per successful request; the request is one event in single mode, one batch in batch mode
 * @param errorDetail failures by kind, empty when none
 */
public record PhaseResult(
    long okEvents, long failedEvents, long requests, long elapsedNanos, LatencySummary latency, String errorDetail) {

  public double seconds() {
    return elapsedNanos / 1e9;
  }

  public double eventsPerSecond() {
    return elapsedNanos == 0 ? 0 : okEvents / seconds();
  }
}
