package io.watershed.quality.results;

import static io.watershed.quality.GraphValues.time;

import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriteParticipant;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.graphdb.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the quality results of OpenLineage events (from {@code dataQualityMetrics}, {@code dataQualityAssertions},
 * {@code outputStatistics} and the run's {@code test} facet) in the ingest writer's transaction, with the events
 * themselves: an acknowledged event's results are stored too, and a crash cannot keep one without the other.
 */
@Singleton
public class OpenLineageResultsWriter implements LineageWriteParticipant {

  private static final Logger LOG = LoggerFactory.getLogger(OpenLineageResultsWriter.class);

  private final Clock clock;

  public OpenLineageResultsWriter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "QUALITY_RESULTS";
  }

  @Override
  public void writeInProcess(Transaction tx, List<LineageEvent> events) {
    QualityBatch batch = results(events);
    if (!batch.isEmpty()) {
      ResultNodes.write(tx, batch, time(clock.instant()));
    }
  }

  @Override
  public void writeOverBolt(Statements statements, List<LineageEvent> events) {
    QualityBatch batch = results(events);
    if (!batch.isEmpty()) {
      ResultStore.write(statements::run, batch, time(clock.instant()));
    }
  }

  /** The results the events' quality facets hold. */
  static QualityBatch results(List<LineageEvent> events) {
    List<CheckResult> checks = new ArrayList<>();
    List<MetricObservation> metrics = new ArrayList<>();
    for (LineageEvent event : events) {
      FacetedEvent faceted = FacetedEvent.of(event);
      if (!faceted.hasResults()) {
        continue;
      }
      try {
        QualityBatch batch = OpenLineageResults.convert(faceted);
        checks.addAll(batch.checks());
        metrics.addAll(batch.metrics());
      } catch (RuntimeException e) {
        // A quality facet the conversion cannot read must not cost the event its place in the graph: the event is
        // valid OpenLineage and is stored; only its results are left out.
        LOG.warn("Quality facets of event {} could not be read; its results are not stored: {}",
            event.eventId(), e.toString());
      }
    }
    return new QualityBatch(checks, metrics);
  }
}
