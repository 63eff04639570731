package io.watershed.graph.write;

import io.micronaut.core.annotation.Nullable;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One accepted OpenLineage event, reduced to what the graph stores. Built by the ingest module from the OpenLineage
 * model; the graph module knows nothing of HTTP or of the OpenLineage classes.
 *
 * @param eventId SHA-256 of the event's canonical JSON: the same event sent twice has the same id
 * @param payload the whole event as JSON (compressed), kept so nothing sent is lost
 */
public record LineageEvent(
    String eventId,
    EventKind kind,
    @Nullable String eventType,
    ZonedDateTime eventTime,
    @Nullable String producer,
    @Nullable String schemaUrl,
    EventPayload payload,
    ZonedDateTime receivedAt,
    @Nullable JobFacts job,
    @Nullable RunFacts run,
    List<DatasetFacts> inputs,
    List<DatasetFacts> outputs,
    @Nullable DatasetFacts dataset) {

  public LineageEvent {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The three event kinds of the OpenLineage spec. */
  public enum EventKind {
    RUN_EVENT("RunEvent"),
    DATASET_EVENT("DatasetEvent"),
    JOB_EVENT("JobEvent");

    private final String specName;

    EventKind(String specName) {
      this.specName = specName;
    }

    public String specName() {
      return specName;
    }
  }

  /** True when this event says its outputs were successfully updated (freshness counts from it). */
  public boolean marksOutputsUpdated() {
    return kind == EventKind.DATASET_EVENT || (kind == EventKind.RUN_EVENT && "COMPLETE".equals(eventType));
  }
}
