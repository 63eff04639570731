package io.watershed.server.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A committed event that finished a run, reduced to what the producer meters need.
 *
 * @param endedAt the event's time: when the producer says the run finished (and its outputs were committed)
 * @param products the products whose ports the event lists as outputs; empty when it lists no outputs at all, in
 *     which case the products of every dataset the job has written are used
 */
public record TerminalRun(
    String runId,
    String jobNamespace,
    String jobName,
    RunState state,
    Instant endedAt,
    boolean listsOutputs,
    List<ProductLabels> products) {

  public TerminalRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(endedAt, "endedAt");
    products = List.copyOf(products);
  }

  /** The {@code producer_job} label value before capping: {@code namespace/name}. */
  public String job() {
    return jobNamespace + "/" + jobName;
  }
}
