package io.watershed.server.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The data-product API's answers: versions, lists, deletes, and every error family with its body. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataProductApiIT implements SharedNeo4jTest {

  private static final String CONTRACT = """
      spec:
        metadata:
          name: clicks
          domain: marketing
          owner: web-data@example.com
        output_ports:
          - namespace: "kafka://broker:9092"
            name: clicks.v1
        quality:
          freshness: 15m
          checks:
            - no_bots
      """;

  @Inject EmbeddedServer server;
  private Http http;

  @Override
  public Map<String, String> getProperties() {
    TestNeo4j.shared().clean();
    return new HashMap<>(SharedNeo4jTest.super.getProperties());
  }

  @BeforeAll
  void start() {
    http = new Http(server.getURL().toString());
  }

  @Test
  void shouldKeepVersionsListAndDeleteProducts() {
    assertThat(http.put("/api/v1/data-products/clicks", CONTRACT, "application/yaml").status()).isEqualTo(201);
    Http.Response same = http.put("/api/v1/data-products/clicks", CONTRACT, "text/yaml");
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.json().get("contractVersion").asInt()).isEqualTo(1);
    Http.Response changed = http.put("/api/v1/data-products/clicks", CONTRACT.replace("15m", "30m"), "text/plain");
    assertThat(changed.json().get("contractVersion").asInt()).isEqualTo(2);
    assertThat(changed.json().get("objectives").get("freshnessSeconds").asLong()).isEqualTo(1800);

    JsonNode versions = http.get("/api/v1/data-products/clicks/versions").json().get("versions");
    assertThat(versions).hasSize(2);
    assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
    assertThat(http.get("/api/v1/data-products/clicks/versions/1").body()).isEqualTo(CONTRACT);

    JsonNode list = http.get("/api/v1/data-products?domain=marketing").json();
    assertThat(list.get("totalCount").asLong()).isEqualTo(1);
    assertThat(list.get("dataProducts").get(0).get("name").asText()).isEqualTo("clicks");

    assertThat(http.delete("/api/v1/data-products/clicks").status()).isEqualTo(204);
    assertThat(http.get("/api/v1/data-products/clicks").status()).isEqualTo(404);
    assertThat(http.get("/api/v1/data-products/clicks/versions").json().get("versions")).hasSize(2);
  }

  @Test
  void shouldAnswer400WithEveryContractProblemAndItsLine() {
    Http.Response r = http.put("/api/v1/data-products/customer-lifetime-value", """
        spec:
          metadata:
            name: "customer-lifetime-value"
            domain: "customer"
            onwer: "customer-analytics@company.com"
          output_ports:
            - namespace: "bigquery"
              name: "analytics-prod.customer.customer_lifetime_value"
          quality:
            completeness:
              customer_id: 1.5
        """, "application/yaml");
    assertThat(r.status()).isEqualTo(400);
    JsonNode body = r.json();
    assertThat(body.get("error").asText()).isEqualTo("invalid_contract");
    assertThat(body.get("field").asText()).isEqualTo("spec.metadata.owner");
    assertThat(body.get("problems")).hasSize(3);
    assertThat(body.get("problems").get(1).get("field").asText()).isEqualTo("spec.metadata.onwer");
    assertThat(body.get("problems").get(1).get("line").asInt()).isEqualTo(5);
    assertThat(body.get("problems").get(1).get("rule").asText()).contains("did you mean 'owner'?");
  }

  @Test
  void shouldAnswer400WhenTheUrlNamesAnotherProductAnd413ForAHugeContract() {
    Http.Response r = http.put("/api/v1/data-products/other", CONTRACT, "application/yaml");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("spec.metadata.name");
    assertThat(r.json().get("problems").get(0).get("line").asInt()).isEqualTo(3);

    String huge = CONTRACT + "#" + "x".repeat(1024 * 1024) + "\n";
    Http.Response tooBig = http.put("/api/v1/data-products/clicks", huge, "application/yaml");
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().get("error").asText()).isEqualTo("too_large");
  }

  @Test
  void shouldAnswer404ForUnknownProductsAnd400ForABadWindow() {
    Http.Response missing = http.get("/api/v1/data-products/nobody/status");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
    assertThat(http.get("/api/v1/data-products/nobody/sla").status()).isEqualTo(404);
    assertThat(http.delete("/api/v1/data-products/nobody").status()).isEqualTo(404);

    http.put("/api/v1/data-products/clicks", CONTRACT, "application/yaml");
    Http.Response bad = http.get("/api/v1/data-products/clicks/sla?window=a%20month");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("window");
  }

  @Test
  void shouldStoreNothingOfAResultsBatchWithABadResult() {
    http.put("/api/v1/data-products/clicks", CONTRACT, "application/yaml");
    Http.Response r = http.post("/api/v1/quality/results", """
        {"results": [
          {"dataset": {"namespace": "kafka://broker:9092", "name": "clicks.v1"}, "check": "no_bots",
           "success": true, "time": "2026-01-01T00:00:00Z"},
          {"dataset": {"namespace": "kafka://broker:9092", "name": "clicks.v1"}, "check": "no_bots",
           "success": true, "time": "noon"}]}
        """);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("field").asText()).isEqualTo("results[1].time");
    JsonNode status = http.get("/api/v1/data-products/clicks/status").json();
    assertThat(status.get("checks").get(0).get("status").asText()).isEqualTo("NO_DATA");

    Http.Response dbt = http.post("/api/v1/quality/dbt", "{\"namespace\": \"x\"}");
    assertThat(dbt.status()).isEqualTo(400);
    assertThat(dbt.json().get("field").asText()).isEqualTo("runResults");
  }
}
