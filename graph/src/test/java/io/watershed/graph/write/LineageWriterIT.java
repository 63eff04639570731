package io.watershed.graph.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.testing.GraphDump;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.graph.write.DatasetFacts.ColumnLineageEdge;
import io.watershed.graph.write.DatasetFacts.FieldFacts;
import io.watershed.graph.write.LineageEvent.EventKind;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Neo4jExtension.class)
class LineageWriterIT {

  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);
  private static final String RUN = "0190a7f2-0000-7000-8000-000000000001";

  private final Neo4jConnection connection = Neo4jExtension.connection();
  private final LineageWriter writer = new LineageWriter(connection);

  @Test
  void shouldConvergeToTheSameGraphWhateverTheOrderAndRepeats(TestNeo4j neo4j) {
    List<LineageEvent> events = runLifecycle();
    writer.write(events);
    List<String> inOrder = GraphDump.of(neo4j.driver());

    for (long seed = 1; seed <= 3; seed++) {
      neo4j.clean();
      List<LineageEvent> shuffled = new ArrayList<>(events);
      shuffled.addAll(events); // every event twice
      Collections.shuffle(shuffled, new Random(seed));
      // One at a time and in small batches: both must give the same graph.
      for (int i = 0; i < shuffled.size(); i += 2) {
        writer.write(shuffled.subList(i, Math.min(i + 2, shuffled.size())));
      }
      List<String> again = GraphDump.of(neo4j.driver());
      assertThat(again).as("seed %d: lines only in the shuffled graph", seed).isSubsetOf(inOrder);
      assertThat(inOrder).as("seed %d: lines only in the in-order graph", seed).isSubsetOf(again);
    }
  }

  @Test
  void shouldNotReopenAFinishedRunWhenALateStartArrives(TestNeo4j neo4j) {
    List<LineageEvent> events = runLifecycle();
    writer.write(List.of(events.get(2))); // COMPLETE
    writer.write(List.of(events.get(0))); // START, late
    writer.write(List.of(events.get(1))); // RUNNING, late
    try (var session = neo4j.driver().session()) {
      var run = session.run("MATCH (r:Run {runId: $id}) RETURN r", Map.of("id", RUN)).single().get("r");
      assertThat(run.get("state").asString()).isEqualTo("COMPLETE");
      assertThat(run.get("startedAt").asZonedDateTime()).isEqualTo(T0);
      assertThat(run.get("endedAt").asZonedDateTime()).isEqualTo(T0.plusMinutes(5));
      var ds =
          session
              .run("MATCH (d:Dataset {namespace: 'warehouse', name: 'orders_clean'}) RETURN d")
              .single()
              .get("d");
      assertThat(ds.get("lastModifiedAt").asZonedDateTime()).isEqualTo(T0.plusMinutes(5));
    }
  }

  @Test
  void shouldKeepTheLatestSchemaAndRetireRemovedFields(TestNeo4j neo4j) {
    writer.write(List.of(output("e-new", T0.plusHours(1), List.of(new FieldFacts("id", "INT", null)))));
    writer.write(
        List.of(
            output(
                "e-old",
                T0,
                List.of(new FieldFacts("id", "INT", null), new FieldFacts("legacy", "STRING", null)))));
    try (var session = neo4j.driver().session()) {
      var rows =
          session
              .run(
                  "MATCH (f:Field)-[:FIELD_OF]->(:Dataset {name: 'orders_clean'}) RETURN f.name AS n, f.inSchema AS s ORDER BY n")
              .list(r -> r.get("n").asString() + "=" + r.get("s"));
      // The older event lost: its extra field never entered the current schema.
      assertThat(rows).containsExactly("id=TRUE");
    }
  }

  private static LineageEvent output(String id, ZonedDateTime time, List<FieldFacts> schema) {
    DatasetFacts out =
        new DatasetFacts(
            "warehouse",
            "orders_clean",
            FacetMap.EMPTY,
            FacetMap.EMPTY,
            schema,
            schema.toString(),
            List.of(),
            List.of(),
            List.of());
    return new LineageEvent(
        id,
        EventKind.DATASET_EVENT,
        null,
        time,
        "test",
        null,
        EventPayload.of("{}"),
        T0,
        null,
        null,
        List.of(),
        List.of(),
        out);
  }

  /** START, RUNNING, COMPLETE of one run reading raw.orders and writing orders_clean with column lineage. */
  static List<LineageEvent> runLifecycle() {
    JobFacts job =
        new JobFacts(
            "airflow",
            "etl.clean_orders",
            new FacetMap(
                Map.of("jobType", "{\"jobType\":\"TASK\"}"), Map.of("jobType", Map.of("type", "TASK"))),
            List.of(new OwnerRef("team:orders", "MAINTAINER")));
    DatasetFacts in =
        new DatasetFacts(
            "postgres://db:5432",
            "shop.public.orders",
            FacetMap.EMPTY,
            FacetMap.EMPTY,
            List.of(new FieldFacts("id", "INT", null), new FieldFacts("amount", "DECIMAL", null)),
            "[{\"name\":\"id\"},{\"name\":\"amount\"}]",
            List.of(),
            List.of(),
            List.of());
    DatasetFacts outStart =
        new DatasetFacts(
            "warehouse", "orders_clean", FacetMap.EMPTY, FacetMap.EMPTY, null, null, List.of(), List.of(), List.of());
    DatasetFacts outDone =
        new DatasetFacts(
            "warehouse",
            "orders_clean",
            new FacetMap(Map.of("documentation", "{\"description\":\"clean\"}"), Map.of("documentation", Map.of("description", "clean"))),
            new FacetMap(Map.of("outputStatistics", "{\"rowCount\":10}"), Map.of("outputStatistics", Map.of("rowCount", 10L))),
            List.of(new FieldFacts("id", "INT", null), new FieldFacts("amount_usd", "DECIMAL", null)),
            "[{\"name\":\"id\"},{\"name\":\"amount_usd\"}]",
            List.of(new DatasetFacts.SymlinkRef("hive://meta:9083", "dw.orders_clean", "TABLE")),
            List.of(new OwnerRef("team:orders", null)),
            List.of(
                new ColumnLineageEdge("id", "postgres://db:5432", "shop.public.orders", "id", null),
                new ColumnLineageEdge(
                    "amount_usd", "postgres://db:5432", "shop.public.orders", "amount", "[{\"type\":\"DIRECT\"}]")));
    List<LineageEvent> events = new ArrayList<>();
    events.add(event("e1", "START", T0, job, List.of(in), List.of(outStart)));
    events.add(event("e2", "RUNNING", T0.plusMinutes(1), job, List.of(in), List.of(outStart)));
    events.add(event("e3", "COMPLETE", T0.plusMinutes(5), job, List.of(in), List.of(outDone)));
    return events;
  }

  private static LineageEvent event(
      String id,
      String type,
      ZonedDateTime time,
      JobFacts job,
      List<DatasetFacts> inputs,
      List<DatasetFacts> outputs) {
    RunFacts run =
        new RunFacts(
            RUN,
            new FacetMap(
                Map.of("nominalTime", "{\"nominalStartTime\":\"" + T0 + "\"}"),
                Map.of("nominalTime", Map.of("nominalStartTime", T0))),
            new RunFacts.ParentRef("airflow", "etl", "0190a7f2-0000-7000-8000-0000000000ff"));
    return new LineageEvent(
        id, EventKind.RUN_EVENT, type, time, "test", null, EventPayload.of("{\"id\":\"" + id + "\"}"), T0, job, run, inputs, outputs, null);
  }
}
