package io.watershed.alerts.api;

import static io.watershed.alerts.testing.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.watershed.alerts.alert.AlertEngine;
import io.watershed.alerts.testing.AlertsDatabase;
import io.watershed.graph.testing.GraphFixture;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.graph.write.LineageWriter;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The alerts API over HTTP: answers on a known graph, and the status and body of each error family. */
@MicronautTest
@ExtendWith(Neo4jExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsApiIT implements TestPropertyProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  AlertEngine engine;

  @Inject
  LineageWriter writer;

  @Override
  public @NonNull Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(AlertsDatabase.micronautProperties());
    properties.put("watershed.alerts.enabled", "false");
    return properties;
  }

  @BeforeEach
  void mesh(TestNeo4j neo4j) {
    new GraphFixture(neo4j.driver(), "wh")
        .dataset("orders", "id", "amount", "customer")
        .job("bill", List.of("orders"), List.of("revenue"))
        .derive("revenue", "total", "orders", "amount")
        .job("crm", List.of("orders"), List.of("customers"))
        .derive("customers", "cid", "orders", "customer")
        .product("revenue").domain("finance").severity("critical").owner("finance-team").exposes("revenue")
        .routes("[{\"type\":\"email\",\"to\":[\"finance@corp.test\"]}]").build()
        .product("customers").domain("crm").owner("crm-team").exposes("customers").build();
  }

  @Test
  void shouldAnswerImpactColumnPreciseWithPaths() throws IOException {
    JsonNode report = get("/api/v1/impact?nodeId=dataset:wh:orders&field=amount");

    assertThat(report.get("start").asText()).isEqualTo("dataset:wh:orders");
    assertThat(report.get("fields")).hasSize(1);
    assertThat(report.get("truncated").asBoolean()).isFalse();
    assertThat(report.get("products")).hasSize(1);
    JsonNode revenue = report.get("products").get(0);
    assertThat(revenue.get("name").asText()).isEqualTo("revenue");
    assertThat(revenue.get("owners").get(0).asText()).isEqualTo("finance-team");
    assertThat(revenue.get("path").toString())
        .isEqualTo("[\"datasetField:wh:orders:amount\",\"job:wh:bill\",\"datasetField:wh:revenue:total\",\"dataset:wh:revenue\"]");
    assertThat(report.get("jobs").get(0).get("id").asText()).isEqualTo("job:wh:bill");
  }

  @Test
  void shouldAnswerImpactOfAWholeDatasetAndAJob() throws IOException {
    assertThat(get("/api/v1/impact?nodeId=dataset:wh:orders").get("products")).hasSize(2);
    assertThat(get("/api/v1/impact?nodeId=job:wh:crm&depth=1").get("products").get(0).get("direct").asBoolean())
        .isTrue();
  }

  @Test
  void shouldRejectBadImpactParametersNamingThem() throws IOException {
    assertError("/api/v1/impact", HttpStatus.BAD_REQUEST, "invalid_parameter", "nodeId", "is required");
    assertError("/api/v1/impact?nodeId=table:wh:orders", HttpStatus.BAD_REQUEST, "invalid_parameter", "nodeId",
        "unknown node type 'table'; expected dataset, job or datasetField");
    assertError("/api/v1/impact?nodeId=dataset:wh:orders&depth=0", HttpStatus.BAD_REQUEST, "invalid_parameter",
        "depth", "must be between 1 and 50");
    assertError("/api/v1/impact?nodeId=dataset:wh:orders&limit=10001", HttpStatus.BAD_REQUEST, "invalid_parameter",
        "limit", "must be between 1 and 10000");
    assertError("/api/v1/impact?nodeId=job:wh:bill&field=amount", HttpStatus.BAD_REQUEST, "invalid_parameter",
        "field", "can only be given with a dataset nodeId");
    assertError("/api/v1/impact?nodeId=dataset:wh:orders&depth=ten", HttpStatus.BAD_REQUEST, "invalid_parameter",
        "depth", null);
  }

  @Test
  void shouldAnswer404ForUnknownNodesAndFields() throws IOException {
    JsonNode body = error("/api/v1/impact?nodeId=dataset:wh:nope", HttpStatus.NOT_FOUND);
    assertThat(body.get("error").asText()).isEqualTo("not_found");
    assertThat(body.get("message").asText()).isEqualTo("dataset not found: dataset:wh:nope");
    assertThat(error("/api/v1/impact?nodeId=dataset:wh:orders&field=ghost", HttpStatus.NOT_FOUND).get("message").asText())
        .isEqualTo("datasetField not found: datasetField:wh:orders:ghost");
  }

  @Test
  void shouldAnswerRootCauseOrNotFound() throws IOException {
    JsonNode report = get("/api/v1/data-products/revenue/root-cause");
    assertThat(report.get("product").asText()).isEqualTo("revenue");
    assertThat(report.get("datasets").get(0).asText()).isEqualTo("dataset:wh:revenue");
    assertThat(report.get("causes")).isEmpty();

    assertThat(error("/api/v1/data-products/nope/root-cause", HttpStatus.NOT_FOUND).get("message").asText())
        .isEqualTo("dataProduct not found: nope");
    assertError("/api/v1/data-products/revenue/root-cause?depth=99", HttpStatus.BAD_REQUEST, "invalid_parameter",
        "depth", "must be between 1 and 50");
  }

  @Test
  void shouldListGetAndAcknowledgeAlerts() throws IOException {
    writer.write(List.of(run("wh", "load", "r0", "COMPLETE", T0.minusDays(1)).output("orders").build()));
    var failed = List.of(run("wh", "load", "r1", "FAIL", T0).output("orders").error("boom").build());
    writer.write(failed);
    engine.onLineage(failed);

    JsonNode list = get("/api/v1/alerts");
    assertThat(list.get("alerts")).hasSize(2);
    JsonNode revenue = find(list.get("alerts"), "revenue");
    assertThat(revenue.get("state").asText()).isEqualTo("firing");
    assertThat(revenue.get("impact").asText()).isEqualTo("at_risk");
    assertThat(revenue.get("severity").asText()).isEqualTo("critical");
    assertThat(revenue.get("rootCause").get("kind").asText()).isEqualTo("run_failed");
    assertThat(revenue.get("rootCause").get("node").asText()).isEqualTo("job:wh:load");
    assertThat(revenue.get("since").asText()).isEqualTo("2026-03-02T04:00:00Z");
    String fingerprint = revenue.get("fingerprint").asText();
    assertThat(get("/api/v1/alerts?fingerprint=" + fingerprint + "&product=revenue").get("alerts")).hasSize(1);
    assertThat(get("/api/v1/alerts?state=resolved").get("alerts")).isEmpty();

    String id = revenue.get("id").asText();
    HttpResponse<String> acked = client.toBlocking().exchange(
        HttpRequest.POST("/api/v1/alerts/" + id + "/ack", Map.of("by", "oncall@corp.test", "comment", "on it")),
        String.class);
    JsonNode ack = JSON.readTree(acked.body());
    assertThat(ack.get("acknowledged").get("by").asText()).isEqualTo("oncall@corp.test");
    assertThat(ack.get("state").asText()).isEqualTo("firing");
    assertThat(get("/api/v1/alerts/" + id).get("acknowledged").get("comment").asText()).isEqualTo("on it");
  }

  @Test
  void shouldRejectBadAlertRequests() throws IOException {
    assertError("/api/v1/alerts?state=burning", HttpStatus.BAD_REQUEST, "invalid_parameter", "state",
        "must be one of firing, resolved");
    assertError("/api/v1/alerts?limit=0", HttpStatus.BAD_REQUEST, "invalid_parameter", "limit",
        "must be between 1 and 1000");
    assertThat(error("/api/v1/alerts/nope", HttpStatus.NOT_FOUND).get("message").asText())
        .isEqualTo("alert not found: nope");
    JsonNode missingBy = postError("/api/v1/alerts/nope/ack", Map.of("comment", "x"), HttpStatus.BAD_REQUEST);
    assertThat(missingBy.get("field").asText()).isEqualTo("by");
    assertThat(postError("/api/v1/alerts/nope/ack", Map.of("by", "me"), HttpStatus.NOT_FOUND).get("error").asText())
        .isEqualTo("not_found");
    assertError("/api/v1/notifications?status=lost", HttpStatus.BAD_REQUEST, "invalid_parameter", "status",
        "must be one of pending, sending, delivered, dead");
    assertError("/api/v1/changes?kind=meteor", HttpStatus.BAD_REQUEST, "invalid_parameter", "kind", null);
  }

  @Test
  void shouldCreateListAndEndSilences() throws IOException {
    HttpResponse<String> created = client.toBlocking().exchange(HttpRequest.POST("/api/v1/silences",
        Map.of("product", "revenue", "duration", "2h", "createdBy", "oncall", "comment", "migration")), String.class);
    assertThat(created.code()).isEqualTo(HttpStatus.CREATED.getCode());
    JsonNode silence = JSON.readTree(created.body());
    assertThat(silence.get("active").asBoolean()).isTrue();
    assertThat(Instant.parse(silence.get("endsAt").asText()))
        .isEqualTo(Instant.parse(silence.get("startsAt").asText()).plusSeconds(7200));
    String id = silence.get("id").asText();
    assertThat(get("/api/v1/silences").get("silences")).hasSize(1);

    JsonNode ended = JSON.readTree(client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/silences/" + id),
        String.class).body());
    assertThat(ended.get("active").asBoolean()).isFalse();
    assertThat(get("/api/v1/silences").get("silences")).isEmpty();
    assertThat(get("/api/v1/silences?all=true").get("silences")).hasSize(1);
  }

  @Test
  void shouldRejectBadSilences() throws IOException {
    assertThat(postError("/api/v1/silences", Map.of("duration", "1h", "createdBy", "me"), HttpStatus.BAD_REQUEST)
        .get("rule").asText()).isEqualTo("give at least one of product, fingerprint or rootCauseNode");
    assertThat(postError("/api/v1/silences", Map.of("product", "x", "duration", "31d", "createdBy", "me"),
        HttpStatus.BAD_REQUEST).get("field").asText()).isEqualTo("duration");
    assertThat(postError("/api/v1/silences", Map.of("product", "x", "createdBy", "me"), HttpStatus.BAD_REQUEST)
        .get("field").asText()).isEqualTo("endsAt");
    assertThat(postError("/api/v1/silences", Map.of("product", "x", "endsAt", "tomorrow", "createdBy", "me"),
        HttpStatus.BAD_REQUEST).get("field").asText()).isEqualTo("endsAt");
    assertThat(postError("/api/v1/silences", Map.of("product", "x", "duration", "1h"), HttpStatus.BAD_REQUEST)
        .get("field").asText()).isEqualTo("createdBy");
    try {
      client.toBlocking().exchange(HttpRequest.DELETE("/api/v1/silences/nope"), String.class);
      throw new AssertionError("expected 404");
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(404);
    }
  }

  @Test
  void shouldListChanges() throws IOException {
    engine.onLineage(List.of(run("wh", "load", "r1", "FAIL", T0).output("orders").build()));

    JsonNode changes = get("/api/v1/changes?nodeId=" + URLEncoder.encode("job:wh:load", StandardCharsets.UTF_8));
    assertThat(changes.get("changes")).hasSize(1);
    assertThat(changes.get("changes").get(0).get("kind").asText()).isEqualTo("run_failed");
    assertThat(get("/api/v1/changes?status=resolved").get("changes")).isEmpty();
    String id = changes.get("changes").get(0).get("id").asText();
    assertThat(get("/api/v1/changes/" + id).get("status").asText()).isEqualTo("open");
    assertThat(error("/api/v1/changes/nope", HttpStatus.NOT_FOUND).get("error").asText()).isEqualTo("not_found");
  }

  private JsonNode get(String uri) throws IOException {
    return JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET(uri), String.class));
  }

  private JsonNode error(String uri, HttpStatus status) throws IOException {
    try {
      client.toBlocking().exchange(HttpRequest.GET(uri), String.class);
      throw new AssertionError("expected " + status + " from " + uri);
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).as(uri).isEqualTo(status.getCode());
      return JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
    }
  }

  private JsonNode postError(String uri, Object body, HttpStatus status) throws IOException {
    try {
      client.toBlocking().exchange(HttpRequest.POST(uri, body), String.class);
      throw new AssertionError("expected " + status + " from " + uri);
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).as(uri).isEqualTo(status.getCode());
      return JSON.readTree(e.getResponse().getBody(String.class).orElseThrow());
    }
  }

  private void assertError(String uri, HttpStatus status, String code, String field, String rule) throws IOException {
    JsonNode body = error(uri, status);
    assertThat(body.get("error").asText()).as(uri).isEqualTo(code);
    assertThat(body.get("field").asText()).as(uri).isEqualTo(field);
    if (rule != null) {
      assertThat(body.get("rule").asText()).as(uri).isEqualTo(rule);
    }
  }

  private static JsonNode find(JsonNode alerts, String product) {
    for (JsonNode a : alerts) {
      if (a.get("product").asText().equals(product)) {
        return a;
      }
    }
    throw new AssertionError("no alert for " + product);
  }
}
