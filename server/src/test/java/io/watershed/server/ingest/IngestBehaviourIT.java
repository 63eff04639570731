package io.watershed.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.GraphDump;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Ingest rules on our own fixtures: resends, order, batches, compression, limits, malformed input. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestBehaviourIT implements SharedNeo4jTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUN = "0191d3c6-8f2a-7b1e-9c4d-5e6f7a8b9c0d";

  @Inject EmbeddedServer server;
  private Http http;

  @BeforeEach
  void setUp() {
    TestNeo4j.shared().clean();
    http = new Http(server.getURL().toString());
  }

  @Test
  void shouldLeaveTheGraphUnchangedWhenEventsAreResent() {
    for (String e : lifecycle()) {
      assertThat(http.post("/api/v1/lineage", e).status()).isEqualTo(201);
    }
    List<String> once = GraphDump.of(TestNeo4j.shared().driver());
    assertThat(once).as("the server writes to the suite's shared database").isNotEmpty();
    for (String e : lifecycle()) {
      assertThat(http.post("/api/v1/lineage", e).status()).isEqualTo(201);
    }
    assertThat(GraphDump.of(TestNeo4j.shared().driver())).isEqualTo(once);
  }

  @Test
  void shouldConvergeWhenEventsArriveOutOfOrderAndRepeated() {
    for (String e : lifecycle()) {
      http.post("/api/v1/lineage", e);
    }
    List<String> inOrder = withoutReceiptTimes(GraphDump.of(TestNeo4j.shared().driver()));
    TestNeo4j.shared().clean();
    List<String> shuffled = new ArrayList<>(lifecycle());
    shuffled.add(lifecycle().get(1)); // a repeated RUNNING
    Collections.shuffle(shuffled, new Random(7));
    Collections.swap(shuffled, 0, shuffled.indexOf(lifecycle().get(2))); // COMPLETE first
    for (String e : shuffled) {
      assertThat(http.post("/api/v1/lineage", e).status()).isEqualTo(201);
    }
    assertThat(withoutReceiptTimes(GraphDump.of(TestNeo4j.shared().driver()))).isEqualTo(inOrder);
    JsonNode run = http.get("/api/v1/runs/" + RUN).json();
    assertThat(run.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(run.get("durationMs").asLong()).isEqualTo(300_000);
  }

  /** {@code Event.receivedAt} is when the server received a delivery; it differs between deliveries by design. */
  private static List<String> withoutReceiptTimes(List<String> dump) {
    return dump.stream().map(line -> line.replaceAll("receivedAt=[^,}]*", "receivedAt=*")).sorted().toList();
  }

  @Test
  void shouldReportPerEventResultsForAPartiallyValidBatch() throws Exception {
    ArrayNode batch = JSON.createArrayNode();
    for (String e : lifecycle()) {
      batch.add(JSON.readTree(e));
    }
    ObjectNode bad = (ObjectNode) JSON.readTree(lifecycle().get(0));
    ((ObjectNode) bad.get("run")).put("runId", "not-a-uuid");
    batch.insert(1, bad);
    Http.Response r = http.post("/api/v1/lineage/batch", JSON.writeValueAsString(batch));
    assertThat(r.status()).isEqualTo(200);
    JsonNode body = r.json();
    assertThat(body.get("status").asText()).isEqualTo("partial_success");
    assertThat(body.get("summary").get("received").asInt()).isEqualTo(4);
    assertThat(body.get("summary").get("successful").asInt()).isEqualTo(3);
    assertThat(body.get("summary").get("non_retriable").asInt()).isEqualTo(1);
    JsonNode failed = body.get("failed_events").get(0);
    assertThat(failed.get("index").asInt()).isEqualTo(1);
    assertThat(failed.get("field").asText()).isEqualTo("[1].run.runId");
    assertThat(failed.get("retriable").asBoolean()).isFalse();
  }

  @Test
  void shouldRejectABatchWithOnlyInvalidEventsAndWriteNothing() {
    Http.Response r = http.post("/api/v1/lineage/batch", "[{\"eventTime\":\"yesterday\"}]");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("failed_events").get(0).get("field").asText()).isEqualTo("[0].eventTime");
    assertThat(GraphDump.of(TestNeo4j.shared().driver())).isEmpty();
  }

  @Test
  void shouldAcceptGzipBodies() throws IOException {
    Http.Response r = http.post("/api/v1/lineage", gzip(lifecycle().get(0)), "Content-Encoding", "gzip");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void shouldRejectMalformedJsonNamingTheLine() {
    Http.Response r = http.post("/api/v1/lineage", "{\n \"eventTime\": ,\n}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("rule").asText()).contains("line 2");
  }

  @Test
  void shouldRejectAnUnknownEventTypeAndAMissingJobName() throws Exception {
    ObjectNode e = (ObjectNode) JSON.readTree(lifecycle().get(0));
    e.put("eventType", "FINISHED");
    Http.Response r = http.post("/api/v1/lineage", JSON.writeValueAsString(e));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("eventType");

    ObjectNode noName = (ObjectNode) JSON.readTree(lifecycle().get(0));
    ((ObjectNode) noName.get("job")).remove("name");
    r = http.post("/api/v1/lineage", JSON.writeValueAsString(noName));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("job.name");
    assertThat(GraphDump.of(TestNeo4j.shared().driver())).isEmpty();
  }

  @Test
  void shouldAnswer413ForABodyAboveTheLimitAndDecompressionBombs() throws IOException {
    byte[] huge = new byte[34 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    assertThat(http.post("/api/v1/lineage", huge).status()).isEqualTo(413);

    // 100 MiB of spaces gzip to ~100 KiB: the decompressed cap (64 MiB) must stop it.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      byte[] chunk = new byte[1024 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      for (int i = 0; i < 100; i++) {
        gz.write(chunk);
      }
    }
    Http.Response r = http.post("/api/v1/lineage", out.toByteArray(), "Content-Encoding", "gzip");
    assertThat(r.status()).isEqualTo(413);
  }

  @Test
  void shouldRejectAnArrayOnTheSingleEventEndpoint() {
    Http.Response r = http.post("/api/v1/lineage", "[" + lifecycle().get(0) + "]");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("rule").asText()).contains("/api/v1/lineage/batch");
  }

  /** START, RUNNING, COMPLETE of one run, as the OpenLineage clients send them. */
  static List<String> lifecycle() {
    String template =
        """
        {"eventType":"%s","eventTime":"%s","producer":"https://github.com/watershed/tests/v1",
         "schemaURL":"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run":{"runId":"%s"},
         "job":{"namespace":"shop","name":"orders.clean",
                "facets":{"jobType":{"_producer":"t","_schemaURL":"t","processingType":"BATCH","integration":"SPARK","jobType":"JOB"}}},
         "inputs":[{"namespace":"postgres://db:5432","name":"shop.public.orders",
                    "facets":{"schema":{"_producer":"t","_schemaURL":"t","fields":[{"name":"id","type":"INT"},{"name":"amount","type":"DECIMAL"}]}}}],
         "outputs":[{"namespace":"s3://lake","name":"orders_clean",
                     "facets":{"schema":{"_producer":"t","_schemaURL":"t","fields":[{"name":"id","type":"INT"},{"name":"amount_usd","type":"DECIMAL"}]}%s}}]}
        """;
    String cll =
        """
        ,"columnLineage":{"_producer":"t","_schemaURL":"t","fields":{"amount_usd":{"inputFields":[{"namespace":"postgres://db:5432","name":"shop.public.orders","field":"amount"}]}}}""";
    return List.of(
        String.format(template, "START", "2026-11-01T10:00:00Z", RUN, ""),
        String.format(template, "RUNNING", "2026-11-01T10:01:00.5+01:00", RUN, ""),
        String.format(template, "COMPLETE", "2026-11-01T10:05:00Z", RUN, cll));
  }

  private static byte[] gzip(String s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
