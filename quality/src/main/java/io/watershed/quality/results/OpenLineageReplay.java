package io.watershed.quality.results;

import static io.watershed.quality.GraphValues.instant;
import static io.watershed.quality.GraphValues.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.quality.QualitySettings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, reads the quality facets of recent OpenLineage events again from their stored payloads. Results are
 * converted after the ingest commit, on another thread; a crash in between would lose them. Result ids derive from
 * the event id, so results converted before are not stored twice.
 */
@Singleton
public class OpenLineageReplay {

  private static final Logger LOG = LoggerFactory.getLogger(OpenLineageReplay.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;

  // Stored events of the replay window whose payload mentions a quality facet, a page at a time.
  static final String RECENT_WITH_FACETS =
      """
      MATCH (e:Event) WHERE e.eventTime >= $since
        AND (e.payload CONTAINS '"dataQualityMetrics"' OR e.payload CONTAINS '"dataQualityAssertions"'
             OR e.payload CONTAINS '"outputStatistics"' OR e.payload CONTAINS '"test"')
      RETURN e.eventId AS eventId, e.eventTime AS eventTime, e.payload AS payload
      ORDER BY e.eventTime, e.eventId SKIP $skip LIMIT $limit
      """;

  private final Neo4jConnection connection;
  private final ResultStore store;
  private final Clock clock;
  private final QualitySettings settings;

  public OpenLineageReplay(Neo4jConnection connection, ResultStore store, Clock clock, QualitySettings settings) {
    this.connection = connection;
    this.store = store;
    this.clock = clock;
    this.settings = settings;
  }

  /** Returns how many events were read again. */
  public int run() {
    if (settings.replayWindow().isZero()) {
      return 0;
    }
    int read = 0;
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      while (true) {
        int skip = read;
        List<FacetedEvent> page = session.executeRead(tx -> tx.run(RECENT_WITH_FACETS,
                Map.of("since", time(clock.instant().minus(settings.replayWindow())), "skip", skip, "limit", PAGE))
            .list(OpenLineageReplay::parse));
        List<CheckResult> checks = new ArrayList<>();
        List<MetricObservation> metrics = new ArrayList<>();
        for (FacetedEvent event : page) {
          if (event != null) {
            QualityBatch batch = OpenLineageResults.convert(event);
            checks.addAll(batch.checks());
            metrics.addAll(batch.metrics());
          }
        }
        store.store(new QualityBatch(checks, metrics));
        read += page.size();
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    if (read > 0) {
      LOG.info("Read the quality facets of {} recent OpenLineage event(s) again", read);
    }
    return read;
  }

  private static FacetedEvent parse(Record r) {
    try {
      return FacetedEvent.of(
          r.get("eventId").asString(), instant(r.get("eventTime")), JSON.readTree(r.get("payload").asString()));
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
