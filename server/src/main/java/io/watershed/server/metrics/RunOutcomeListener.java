package io.watershed.server.metrics;

import io.micronaut.context.event.ApplicationEventListener;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.server.metrics.ProductPorts.DatasetKey;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks the events that finished a producer run out of each committed batch. It runs on the ingest writer's thread
 * (the pipeline publishes synchronously), so it only does map lookups and hands the runs to the {@link RunRecorder},
 * which never blocks.
 */
@Singleton
public class RunOutcomeListener implements ApplicationEventListener<LineageCommitted> {

  private final ProductPorts ports;
  private final RunRecorder recorder;

  public RunOutcomeListener(ProductPorts ports, RunRecorder recorder) {
    this.ports = ports;
    this.recorder = recorder;
  }

  @Override
  public void onApplicationEvent(LineageCommitted committed) {
    List<TerminalRun> runs = new ArrayList<>();
    for (LineageEvent event : committed.events()) {
      terminalRun(event).ifPresent(runs::add);
    }
    if (!runs.isEmpty()) {
      recorder.submit(runs);
    }
  }

  private Optional<TerminalRun> terminalRun(LineageEvent event) {
    if (event.kind() != LineageEvent.EventKind.RUN_EVENT || event.job() == null || event.run() == null) {
      return Optional.empty();
    }
    Optional<RunState> state = RunState.ofEventType(event.eventType());
    if (state.isEmpty()) {
      return Optional.empty();
    }
    List<DatasetKey> outputs = event.outputs().stream().map(RunOutcomeListener::key).toList();
    List<ProductLabels> products = ports.exposing(outputs);
    if (!outputs.isEmpty() && products.isEmpty()) {
      return Optional.empty(); // it wrote something, but no product's port: not a producer run
    }
    return Optional.of(new TerminalRun(event.run().runId(), event.job().namespace(), event.job().name(), state.get(),
        event.eventTime().toInstant(), !outputs.isEmpty(), products));
  }

  private static DatasetKey key(DatasetFacts dataset) {
    return new DatasetKey(dataset.namespace(), dataset.name());
  }
}
