package io.watershed.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.openlineage.client.transports.HttpConfig;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.support.Emitter;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedCorpus;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every spec-valid event of real integrations (Airflow, Spark, Marquez fixtures, spec examples) is accepted. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenLineageCorpusIT implements SharedNeo4jTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  @BeforeEach
  void clean() {
    TestNeo4j.shared().clean();
  }

  @Test
  void shouldAcceptEverySpecValidEventThroughTheJavaClientAndShowItInTheReadApi() throws Exception {
    List<Path> files = SharedCorpus.validEvents();
    assertThat(files).hasSizeGreaterThanOrEqualTo(80);
    try (Emitter emitter = new Emitter(server.getURL().toString())) {
      for (Path file : files) {
        emitter.emitJson(SharedCorpus.read(file));
      }
    }
    Http http = new Http(server.getURL().toString());
    for (Path file : files) {
      JsonNode event = JSON.readTree(file.toFile());
      if (event.has("job")) {
        JsonNode job = event.get("job");
        var r = http.get(jobPath(job.get("namespace").asText(), job.get("name").asText()));
        assertThat(r.status()).as("job of %s", file.getFileName()).isEqualTo(200);
      }
      for (String side : List.of("inputs", "outputs")) {
        for (JsonNode d : event.path(side)) {
          var r = http.get(datasetPath(d.get("namespace").asText(), d.get("name").asText()));
          assertThat(r.status()).as("%s of %s", side, file.getFileName()).isEqualTo(200);
        }
      }
      if (event.has("dataset") && !event.has("run")) { // a stray dataset on a RunEvent is not part of it
        JsonNode d = event.get("dataset");
        assertThat(http.get(datasetPath(d.get("namespace").asText(), d.get("name").asText())).status())
            .as("dataset of %s", file.getFileName())
            .isEqualTo(200);
      }
      if (event.has("run")) {
        var run = http.get("/api/v1/runs/" + event.get("run").get("runId").asText());
        assertThat(run.status()).as("run of %s", file.getFileName()).isEqualTo(200);
      }
    }
  }

  @Test
  void shouldAcceptGzipCompressedEventsFromTheJavaClient() throws Exception {
    Path file = SharedCorpus.file("spark/compat_spark_cll_08.json");
    try (Emitter emitter = new Emitter(server.getURL().toString(), HttpConfig.Compression.GZIP)) {
      emitter.emitJson(SharedCorpus.read(file));
    }
    var dataset = new Http(server.getURL().toString()).get(datasetPath("file", "/tmp/cll_test/tbl1")).json();
    assertThat(dataset.get("fields")).isNotEmpty();
  }

  static String jobPath(String namespace, String name) {
    return "/api/v1/namespaces/" + Http.enc(namespace) + "/jobs/" + Http.enc(name);
  }

  static String datasetPath(String namespace, String name) {
    return "/api/v1/namespaces/" + Http.enc(namespace) + "/datasets/" + Http.enc(name);
  }
}
