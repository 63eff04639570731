package io.watershed.server.demo;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of a demo pipeline, fully decided: when it was scheduled, started and ended, whether it succeeded, and the
 * quality facets it reports. {@link DemoEvents} turns it into OpenLineage events.
 *
 * @param error the error message of a failed run, null for a successful one
 * @param writes the datasets the job declares as its outputs (listed when it starts)
 * @param outputs what a successful run wrote, with its metrics (listed when it completes)
 */
public record DemoRun(
    UUID runId,
    DemoJob job,
    Instant scheduledAt,
    Instant startedAt,
    Instant endedAt,
    @Nullable String error,
    List<Input> inputs,
    List<DemoDataset> writes,
    List<Output> outputs) {

  public DemoRun {
    Objects.requireNonNull(runId, "runId");
    inputs = List.copyOf(inputs);
    writes = List.copyOf(writes);
    outputs = List.copyOf(outputs);
  }

  public boolean succeeded() {
    return error == null;
  }

  /** A dataset read; validation jobs report their assertions about it. */
  public record Input(DemoDataset dataset, List<Assertion> assertions) {
    public Input {
      assertions = List.copyOf(assertions);
    }
  }

  /**
   * A dataset written, with the metrics the producer measured on what it wrote ({@code dataQualityMetrics}).
   *
   * @param nullCounts column to null count
   */
  public record Output(DemoDataset dataset, long rowCount, Map<String, Long> nullCounts) {
    public Output {
      nullCounts = Map.copyOf(nullCounts);
    }
  }

  /**
   * One assertion of a validation job ({@code dataQualityAssertions}).
   *
   * @param actual what was measured, as the facet's text
   */
  public record Assertion(String name, String assertion, String column, boolean success, String actual) {}
}
