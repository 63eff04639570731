package io.watershed.graph.events;

import io.watershed.graph.write.LineageEvent;
import java.util.List;

/**
 * Published (Micronaut application event) after a batch of OpenLineage events has been committed to the graph.
 * Listeners (quality evaluation, change detection) must not block: the ingest writer publishes synchronously, so a
 * listener hands the work to its own executor.
 */
public record LineageCommitted(List<LineageEvent> events) {

  public LineageCommitted {
    events = List.copyOf(events);
  }
}
