package io.watershed.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.schema.GraphMigrations;
import io.watershed.graph.schema.GraphSchema;
import io.watershed.graph.testing.GraphDump;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriteParticipant;
import io.watershed.graph.write.LineageWriter;
import io.watershed.quality.QualityMigrations;
import io.watershed.quality.testing.Events;
import io.watershed.quality.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.graphdb.Transaction;

/**
 * Quality results of OpenLineage events are stored by the ingest writer, in the events' own transaction; results of
 * the other routes by {@link ResultStore}. In-process both use Neo4j's Java API ({@link ResultNodes}), over Bolt the
 * Cypher of {@link ResultStore}: both must give the same graph.
 */
@ExtendWith(Neo4jExtension.class)
class ResultStoreIT {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final String NS = "postgres://db:5432";
  private static final String FACETS =
      """
      {"outputStatistics": {"rowCount": 500, "size": 2048},
       "dataQualityMetrics": {"rowCount": 500, "columnMetrics": {"customer_id": {"nullCount": 3}}},
       "dataQualityAssertions": {"assertions": [
         {"assertion": "not_null", "success": true, "column": "customer_id"},
         {"assertion": "row_count_above_100", "success": false}]}}
      """;

  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void schema() {
    new GraphSchema(Neo4jExtension.connection(), List.of(new GraphMigrations(), new QualityMigrations()));
  }

  @Test
  void shouldStoreTheResultsOfAnEventWithTheEventAndNothingMoreWhenItIsSentAgain(TestNeo4j neo4j) {
    LineageWriter writer = writer(Neo4jExtension.connection());
    LineageEvent event = Events.complete("run-1", T0, NS, "public.orders", FACETS);

    writer.write(List.of(event));

    List<String> graph = GraphDump.of(neo4j.driver());
    assertThat(count(neo4j, "MATCH (:CheckResult)-[:ABOUT]->(:Dataset {name: 'public.orders'}) RETURN count(*)"))
        .isEqualTo(2);
    assertThat(count(neo4j, "MATCH (:QualityMetric)-[:ABOUT]->(:Dataset {name: 'public.orders'}) RETURN count(*)"))
        .as("row count (outputStatistics, dataQualityMetrics) and the column's null count")
        .isEqualTo(3);
    writer.write(List.of(event, event));
    assertThat(GraphDump.of(neo4j.driver())).isEqualTo(graph);
  }

  @Test
  void shouldStoreNeitherLineageNorResultsWhenTheTransactionFails(TestNeo4j neo4j) {
    LineageWriteParticipant failing =
        new LineageWriteParticipant() {
          @Override
          public String name() {
            return "FAILING";
          }

          @Override
          public void writeInProcess(Transaction tx, List<LineageEvent> events) {
            throw new IllegalStateException("refused");
          }

          @Override
          public void writeOverBolt(Statements statements, List<LineageEvent> events) {
            throw new IllegalStateException("refused");
          }
        };
    for (Neo4jConnection connection : List.of(Neo4jExtension.connection(), Neo4jExtension.boltConnection())) {
      LineageWriter writer =
          new LineageWriter(connection, List.of(new OpenLineageResultsWriter(clock), failing));

      assertThatThrownBy(() -> writer.write(List.of(Events.complete("run-1", T0, NS, "public.orders", FACETS))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("refused");

      assertThat(count(neo4j, "MATCH (n) WHERE n:Event OR n:CheckResult OR n:QualityMetric RETURN count(n)"))
          .isZero();
    }
  }

  @Test
  void shouldGiveTheSameGraphInProcessAsWithCypherOverBolt(TestNeo4j neo4j) {
    Assumptions.assumeTrue(neo4j.kind().equals("embedded"), "only the embedded test database has both paths");
    List<LineageEvent> events =
        List.of(
            Events.complete("run-1", T0, NS, "public.orders", FACETS),
            Events.complete("run-2", T0.plusSeconds(60), NS, "public.customers", FACETS));
    String nativeResults =
        """
        {"results": [{"dataset": {"namespace": "%s", "name": "public.orders"}, "check": "amount_positive",
          "dimension": "validity", "success": false, "observedValue": 3, "threshold": 0, "time": "%s"},
          {"dataset": {"namespace": "%s", "name": "public.never_seen"}, "check": "fresh", "success": true,
           "time": "%s"}]}
        """
            .formatted(NS, T0, NS, T0);
    QualityBatch batch = new NativeResultsParser(clock, 10).parse(nativeResults.getBytes(StandardCharsets.UTF_8));

    writer(Neo4jExtension.boltConnection()).write(events);
    new ResultStore(Neo4jExtension.boltConnection(), clock).store(batch);
    List<String> overBolt = GraphDump.of(neo4j.driver());
    assertThat(overBolt).anyMatch(line -> line.contains("public.never_seen") && line.startsWith("R ABOUT"));
    neo4j.clean();
    writer(Neo4jExtension.connection()).write(events);
    new ResultStore(Neo4jExtension.connection(), clock).store(batch);

    assertThat(GraphDump.of(neo4j.driver())).isEqualTo(overBolt);
    assertThat(count(neo4j, "MATCH (r) WHERE (r:CheckResult OR r:QualityMetric) AND r.receivedAt IS NULL RETURN count(r)"))
        .as("receivedAt, which the dump leaves out").isZero();
  }

  private LineageWriter writer(Neo4jConnection connection) {
    return new LineageWriter(connection, List.of(new OpenLineageResultsWriter(clock)));
  }

  private static long count(TestNeo4j neo4j, String cypher) {
    try (var session = neo4j.driver().session()) {
      return session.run(cypher).single().get(0).asLong();
    }
  }
}
