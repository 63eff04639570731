package io.watershed.server.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.support.Emitter;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedCorpus;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Lineage up and downstream across jobs, on real Airflow and Spark output. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LineageApiIT implements SharedNeo4jTest {

  @Inject EmbeddedServer server;
  private Http http;

  @BeforeAll
  void load() throws Exception {
    TestNeo4j.shared().clean();
    http = new Http(server.getURL().toString());
    try (Emitter emitter = new Emitter(server.getURL().toString());
        Stream<Path> airflow = Files.list(SharedCorpus.events().resolve("airflow"));
        Stream<Path> spark = Files.list(SharedCorpus.events().resolve("spark"))) {
      for (Path p : Stream.concat(airflow, spark).sorted().toList()) {
        emitter.emitJson(SharedCorpus.read(p));
      }
    }
  }

  @Test
  void shouldFollowTheAirflowBigQueryChainDownstream() {
    JsonNode graph = lineage("dataset:gs://mock-bucket:test.csv", "downstream", 20);
    assertThat(ids(graph))
        .contains(
            "job:airflow:BQ.upload",
            "dataset:bigquery:mock-project.test.upload",
            "job:airflow:BQ.copy",
            "dataset:bigquery:mock-project.test.upload_cp",
            "job:airflow:BQ.download",
            "dataset:gs://mock-bucket:result.csv")
        .doesNotContain("dataset:gs://mock-bucket:copied.csv"); // a sibling input, not downstream
    assertThat(graph.get("truncated").asBoolean()).isFalse();
    JsonNode upload = node(graph, "job:airflow:BQ.upload");
    assertThat(upload.get("inEdges").get(0).get("origin").asText()).isEqualTo("dataset:gs://mock-bucket:test.csv");
  }

  @Test
  void shouldFollowTheChainUpstreamFromTheLastOutput() {
    JsonNode graph = lineage("dataset:gs://mock-bucket:result.csv", "upstream", 20);
    assertThat(ids(graph))
        .contains("dataset:gs://mock-bucket:test.csv", "dataset:gs://mock-bucket:copied.csv", "job:airflow:BQ.copy");
  }

  @Test
  void shouldSayWhenTheDepthCutTheAnswer() {
    JsonNode graph = lineage("dataset:gs://mock-bucket:test.csv", "downstream", 2);
    assertThat(ids(graph)).contains("dataset:bigquery:mock-project.test.upload");
    assertThat(ids(graph)).doesNotContain("job:airflow:BQ.copy");
    assertThat(graph.get("truncated").asBoolean()).isTrue();
    assertThat(graph.get("truncatedBy").asText()).isEqualTo("depth");
  }

  @Test
  void shouldSayWhenTheNodeLimitCutTheAnswer() {
    JsonNode graph =
        http.get("/api/v1/lineage?nodeId=" + Http.enc("dataset:gs://mock-bucket:test.csv") + "&direction=downstream&limit=3")
            .json();
    assertThat(graph.get("graph")).hasSize(3);
    assertThat(graph.get("truncatedBy").asText()).isEqualTo("nodeLimit");
  }

  @Test
  void shouldTraceSparkColumnLineageToTheSourceColumns() {
    JsonNode graph =
        http.get(
                "/api/v1/column-lineage?nodeId="
                    + Http.enc("datasetField:file:/tmp/cll_test/tbl1:ident")
                    + "&direction=upstream")
            .json();
    assertThat(ids(graph))
        .contains(
            "datasetField:file:/tmp/cll_test/cll_source1:a",
            "datasetField:file:/tmp/cll_test/cll_source1:b",
            "datasetField:file:/tmp/cll_test/cll_source2:a");
  }

  @Test
  void shouldTraceColumnsDownstreamOnlyThroughWhatDerivesFromThem() {
    JsonNode graph =
        http.get(
                "/api/v1/column-lineage?nodeId="
                    + Http.enc("datasetField:bigquery:mock-project.test.upload:a")
                    + "&direction=downstream")
            .json();
    assertThat(ids(graph)).contains("datasetField:bigquery:mock-project.test.upload_cp:a");
    assertThat(ids(graph)).noneMatch(id -> id.endsWith("upload_cp:b"));
  }

  @Test
  void shouldAnswer400ForBadParametersAnd404ForUnknownNodes() {
    var r = http.get("/api/v1/lineage?nodeId=table:x:y");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("nodeId");
    r = http.get("/api/v1/lineage?nodeId=" + Http.enc("dataset:gs://mock-bucket:test.csv") + "&depth=0");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("depth");
    r = http.get("/api/v1/lineage?nodeId=" + Http.enc("dataset:gs://mock-bucket:test.csv") + "&direction=sideways");
    assertThat(r.json().get("field").asText()).isEqualTo("direction");
    assertThat(http.get("/api/v1/lineage?nodeId=" + Http.enc("dataset:nowhere:nothing")).status()).isEqualTo(404);
  }

  @Test
  void shouldListNamespacesJobsAndRunsInMarquezShapes() {
    JsonNode namespaces = http.get("/api/v1/namespaces").json();
    assertThat(namespaces.get("namespaces").findValuesAsText("name")).contains("airflow", "bigquery", "default");
    JsonNode jobs = http.get("/api/v1/namespaces/airflow/jobs?limit=5").json();
    assertThat(jobs.get("jobs")).hasSize(5);
    assertThat(jobs.get("totalCount").asInt()).isGreaterThan(5);
    JsonNode copy = http.get("/api/v1/namespaces/airflow/jobs/BQ.copy").json();
    assertThat(copy.get("inputs").get(0).get("name").asText()).isEqualTo("mock-project.test.upload");
    assertThat(copy.get("parentJobName").asText()).isEqualTo("BQ");
    assertThat(copy.get("latestRun").get("state").asText()).isEqualTo("COMPLETED");
    JsonNode runs = http.get("/api/v1/namespaces/airflow/jobs/BQ.copy/runs").json();
    assertThat(runs.get("runs").get(0).get("state").asText()).isEqualTo("COMPLETED");
    String runId = runs.get("runs").get(0).get("id").asText();
    JsonNode events = http.get("/api/v1/runs/" + runId + "/events").json().get("events");
    assertThat(events).hasSize(2);
    assertThat(events.findValuesAsText("eventType")).containsExactly("START", "COMPLETE");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.get("run").get("runId").asText()).isEqualTo(runId);
      assertThat(e.get("job").get("name").asText()).isEqualTo("BQ.copy");
    });
  }

  private JsonNode lineage(String nodeId, String direction, int depth) {
    var r = http.get("/api/v1/lineage?nodeId=" + Http.enc(nodeId) + "&direction=" + direction + "&depth=" + depth);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static List<String> ids(JsonNode graph) {
    List<String> ids = new ArrayList<>();
    graph.get("graph").forEach(n -> ids.add(n.get("id").asText()));
    return ids;
  }

  private static JsonNode node(JsonNode graph, String id) {
    for (JsonNode n : graph.get("graph")) {
      if (n.get("id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id);
  }
}
