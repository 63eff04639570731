package io.watershed.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.GraphDump;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedCorpus;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The non-conformant corpus answered as docs/ingest.md says: lenient where real integrations need it, 400 naming
 * the field otherwise, and a rejected event changes nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NonconformantEventsIT implements SharedNeo4jTest {

  @Inject EmbeddedServer server;

  @BeforeEach
  void clean() {
    TestNeo4j.shared().clean();
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        // Marquez fixtures without schemaURL: accepted (Marquez's own clients send them).
        Arguments.of("marquez/apples_1_pick_apples.json", 201, null),
        Arguments.of("marquez/apples_9_apple_pie.json", 201, null),
        Arguments.of("marquez/event_without_schema_url.json", 201, null),
        Arguments.of("marquez/listener_1.json", 201, null),
        Arguments.of("marquez/listener_2.json", 201, null),
        Arguments.of("marquez/event_required_no_timezone.json", 400, "eventTime"),
        Arguments.of("marquez/docker_metadata_food_delivery.json", 400, ""),
        Arguments.of("spec-examples/compat_simple_run_event.json", 400, "run.runId"),
        Arguments.of("spec-examples/fluentd_event_no_run_id.json", 400, "run.runId"),
        Arguments.of(
            "spec-examples/fluentd_event_invalid_output_dataset_facet.json",
            400,
            "outputs[0].outputFacets.outputStatistics.rowCount"),
        // Standard facets missing a property: stored as sent, not interpreted.
        Arguments.of("spec-examples/fluentd_event_invalid_dataset_facet.json", 201, null),
        Arguments.of("spec-examples/fluentd_event_invalid_input_dataset_facet.json", 201, null),
        Arguments.of("spec-examples/fluentd_event_invalid_job_facet.json", 201, null),
        Arguments.of("spec-examples/fluentd_event_invalid_run_facet.json", 201, null),
        Arguments.of("spec-examples/python_serde_example_dataset_event.json", 400, "eventTime"),
        Arguments.of("spec-examples/python_serde_example_job_event.json", 400, "eventTime"),
        Arguments.of("spec-examples/python_serde_example_run_event.json", 400, "eventTime"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("corpus")
  void shouldAnswerEachNonconformantEventAsDocumented(String file, int status, String field) {
    String json = SharedCorpus.read(SharedCorpus.file("nonconformant/" + file));
    List<String> before = GraphDump.of(TestNeo4j.shared().driver());
    Http.Response r = new Http(server.getURL().toString()).post("/api/v1/lineage", json);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    if (status == 400) {
      assertThat(r.json().get("field").asText()).isEqualTo(field);
      assertThat(r.json().get("rule").asText()).isNotBlank();
      assertThat(GraphDump.of(TestNeo4j.shared().driver())).as("a rejected event changes nothing").isEqualTo(before);
    }
  }

  @Test
  void shouldAcceptTheMarquezSeedArrayThroughTheBatchEndpoint() {
    String json = SharedCorpus.read(SharedCorpus.file("nonconformant/marquez/docker_metadata_food_delivery.json"));
    Http http = new Http(server.getURL().toString());
    Http.Response r = http.post("/api/v1/lineage/batch", json);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("status").asText()).isEqualTo("success");
    assertThat(r.json().get("summary").get("successful").asInt()).isEqualTo(26);
    assertThat(http.get("/api/v1/namespaces/food_delivery/jobs").json().get("totalCount").asInt()).isPositive();
  }
}
