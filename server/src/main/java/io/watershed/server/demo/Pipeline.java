package io.watershed.server.demo;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * A scheduled job of the demo mesh. Its runs are slots {@code every} apart, the newest {@code phase} before "now";
 * each starts {@code queue} after its slot and runs {@code runtime} (plus a little, so durations vary).
 *
 * @param writes the datasets it declares as outputs (a failed run declares them when it starts, but writes nothing)
 * @param outcome what the run {@code age} slots before the newest did (0 is the newest): succeeded or failed, with
 *     which quality facets; live runs behave like the newest
 */
record Pipeline(
    DemoJob job,
    Duration every,
    Duration phase,
    Duration queue,
    Duration runtime,
    List<DemoDataset> reads,
    List<DemoDataset> writes,
    IntFunction<Outcome> outcome) {

  /** How much longer than {@code runtime} a run may take: up to three steps of this. */
  static final Duration JITTER_STEP = Duration.ofSeconds(30);

  Pipeline {
    Objects.requireNonNull(job, "job");
    reads = List.copyOf(reads);
    writes = List.copyOf(writes);
  }

  /** The runs of the {@code history} before {@code now}, oldest first. */
  List<DemoRun> history(Instant now, Duration history) {
    List<DemoRun> runs = new ArrayList<>();
    long slots = history.dividedBy(every);
    for (int age = (int) slots - 1; age >= 0; age--) {
      Instant scheduled = now.minus(phase).minus(every.multipliedBy(age));
      Instant started = scheduled.plus(queue);
      runs.add(run(scheduled, started, started.plus(runtime).plus(JITTER_STEP.multipliedBy(age % 4)), age));
    }
    return runs;
  }

  /** One run that ends now, behaving like the newest run of the history. */
  DemoRun live(Instant now) {
    Instant started = now.minus(runtime);
    return run(started.minus(queue), started, now, 0);
  }

  private DemoRun run(Instant scheduled, Instant started, Instant ended, int age) {
    Outcome o = outcome.apply(age);
    String key = job.namespace() + "/" + job.name() + "@" + scheduled;
    UUID runId = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    List<DemoRun.Input> inputs = new ArrayList<>();
    for (DemoDataset dataset : reads) {
      inputs.add(new DemoRun.Input(dataset,
          o.assertions().stream().filter(a -> a.dataset().equals(dataset)).map(AssertionAbout::assertion).toList()));
    }
    return new DemoRun(runId, job, scheduled, started, ended, o.error(), inputs, writes, o.outputs());
  }

  /**
   * What one run did.
   *
   * @param error the failure message, null when it succeeded
   * @param outputs what it wrote (a failed run writes nothing)
   * @param assertions what a validation job found about the datasets it read
   */
  record Outcome(@Nullable String error, List<DemoRun.Output> outputs, List<AssertionAbout> assertions) {

    Outcome {
      outputs = List.copyOf(outputs);
      assertions = List.copyOf(assertions);
    }

    static Outcome wrote(DemoRun.Output... outputs) {
      return new Outcome(null, List.of(outputs), List.of());
    }

    static Outcome failed(String error) {
      return new Outcome(error, List.of(), List.of());
    }

    static Outcome validated(AssertionAbout... assertions) {
      return new Outcome(null, List.of(), List.of(assertions));
    }
  }

  /** An assertion and the dataset it is about. */
  record AssertionAbout(DemoDataset dataset, DemoRun.Assertion assertion) {}
}
