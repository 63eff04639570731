package io.watershed.server.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.quality.testing.MutableClock;
import io.watershed.server.support.Emitter;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole story through the server: a short-form product sent through the API and an ODCS product read from the
 * contract directory, fed by OpenLineage events (real Java client), native results and a dbt upload; both judged in
 * the status API, the SLA API and /prometheus; then time passes without an update and the short-form product goes
 * OUT_OF_SLO on the scheduler alone.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductSloIT implements SharedNeo4jTest {

  private static final String PG = "postgres://db.example.com:5432";

  private static final String ORDERS = """
      spec:
        metadata:
          name: orders
          domain: sales
          owner: sales-data@example.com
        output_ports:
          - namespace: "postgres://db.example.com:5432"
            name: shop.public.orders
        quality:
          completeness:
            customer_id: 0.95
          freshness: 1h
          row_count:
            min: 100
          checks:
            - amount_positive
        sla:
          availability: 0.99
          window: 30d
      """;

  private static final String PAYMENTS_ODCS = """
      apiVersion: v3.1.0
      kind: DataContract
      id: jaffle-orders
      version: 1.0.0
      status: active
      domain: finance
      schema:
        - name: orders
          properties:
            - name: customer_id
              quality:
                - metric: nullValues
                  mustBe: 0
            - name: status
              quality:
                - name: accepted_values_orders_status
                  type: sql
                  query: SELECT COUNT(*) FROM orders WHERE status NOT IN ('placed', 'shipped')
                  mustBe: 0
      team:
        name: finance-data
      slaProperties:
        - property: freshness
          value: 2
          unit: h
        - property: availability
          value: 99.5%
      customProperties:
        - property: watershed.outputPorts
          value:
            - namespace: "postgres://db.example.com:5432"
              name: jaffle.public.orders
      """;

  @Inject EmbeddedServer server;
  @Inject MutableClock clock;
  private Http http;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(SharedNeo4jTest.super.getProperties());
    properties.put("test.mutable-clock", "true");
    properties.put("watershed.contracts.dir", contractsDir().toString());
    properties.put("watershed.quality.evaluation-tick", "200ms");
    return properties;
  }

  @BeforeAll
  void start() {
    http = new Http(server.getURL().toString());
  }

  @Test
  @Order(1)
  void shouldJudgeBothProductsFromEveryRoute() throws Exception {
    assertThat(http.put("/api/v1/data-products/orders", ORDERS, "application/yaml").status()).isEqualTo(201);
    JsonNode fromFile = http.get("/api/v1/data-products/jaffle-orders").json();
    assertThat(fromFile.get("contractFormat").asText()).isEqualTo("ODCS");
    assertThat(fromFile.get("source").asText()).startsWith("file:").endsWith("jaffle-orders.odcs.yaml");

    try (Emitter emitter = new Emitter(server.getURL().toString())) {
      emitter.emitJson(complete("0190a7f2-0000-7000-8000-0000000000a1", "shop.public.orders", 500, 20));
      emitter.emitJson(complete("0190a7f2-0000-7000-8000-0000000000a2", "jaffle.public.orders", 300, 0));
    }
    Http.Response results = http.post("/api/v1/quality/results", """
        {"producer": "https://example.com/checks", "results": [
          {"dataset": {"namespace": "%s", "name": "shop.public.orders"}, "check": "amount_positive",
           "dimension": "validity", "success": true, "time": "2026-11-21T10:00:30Z"}]}
        """.formatted(PG));
    assertThat(results.status()).isEqualTo(200);
    assertThat(results.json().get("products").get(0).asText()).isEqualTo("orders");
    Http.Response dbt = http.post("/api/v1/quality/dbt", resource("/dbt/upload.json"));
    assertThat(dbt.status()).isEqualTo(200);
    assertThat(dbt.json().get("checks").asInt()).isEqualTo(3);

    // The listener of committed lineage runs after the 201 of each event: wait for its work.
    JsonNode orders = awaitStatus("orders", "IN_SLO");
    JsonNode port = orders.get("freshness").get("ports").get(0);
    assertThat(port.get("evidence").get("runId").asText()).isEqualTo("0190a7f2-0000-7000-8000-0000000000a1");
    assertThat(port.get("deadline").asText()).isEqualTo("2026-11-21T11:00:00Z");
    JsonNode completeness = orders.get("completeness").get(0);
    assertThat(completeness.get("observedRatio").asDouble()).isEqualTo(0.96);
    assertThat(completeness.get("evidence").get("from").asText()).isEqualTo("dataQualityMetrics");
    assertThat(orders.get("checks").get(0).get("latest").get(0).get("producer").asText())
        .isEqualTo("https://example.com/checks");

    JsonNode jaffle = awaitStatus("jaffle-orders", "OUT_OF_SLO");
    assertThat(jaffle.get("reasons").get(0).asText()).isEqualTo("CHECK_FAILED:accepted_values_orders_status");
    assertThat(jaffle.get("checks").get(0).get("latest").get(0).get("observedValue").asDouble()).isEqualTo(3.0);
    assertThat(jaffle.get("completeness").get(0).get("status").asText()).isEqualTo("MET");
  }

  @Test
  @Order(2)
  void shouldReportComplianceErrorBudgetAndGaugesAfterAnHour() {
    clock.advance(Duration.ofMinutes(30));
    JsonNode sla = http.get("/api/v1/data-products/orders/sla?window=30d").json();
    assertThat(sla.get("sla").get("compliance").asDouble()).isEqualTo(1.0);
    assertThat(sla.get("sla").get("errorBudgetSeconds").asDouble()).isCloseTo(25_920.0, within());
    assertThat(sla.get("intervals").get(sla.get("intervals").size() - 1).get("state").asText()).isEqualTo("IN_SLO");

    JsonNode jaffle = http.get("/api/v1/data-products/jaffle-orders/sla").json();
    // Out of SLO since the dbt upload, 30 minutes ago: budget 0.005 x 30 d = 12,960 s, 1,800 s of it spent.
    assertThat(jaffle.get("window").asText()).isEqualTo("30d");
    assertThat(jaffle.get("sla").get("errorBudgetRemainingSeconds").asDouble())
        .isCloseTo(12_960.0 - 1_800.0, within());
    assertThat(jaffle.get("sla").get("burnRate1h").asDouble()).isCloseTo(0.5 / 0.005, within());

    String prometheus = http.get("/prometheus").body();
    String orders = "{domain=\"sales\",product=\"orders\"}";
    String ordersWindow = "{domain=\"sales\",product=\"orders\",window=\"30d\"}";
    assertThat(sample(prometheus, "watershed_product_in_slo" + orders)).isEqualTo(1.0);
    assertThat(sample(prometheus, "watershed_product_in_slo{domain=\"finance\",product=\"jaffle-orders\"}"))
        .isEqualTo(0.0);
    assertThat(sample(prometheus, "watershed_product_freshness_age_seconds" + orders)).isEqualTo(1800.0);
    assertThat(sample(prometheus, "watershed_product_freshness_objective_seconds" + orders)).isEqualTo(3600.0);
    assertThat(sample(prometheus,
        "watershed_product_completeness_ratio{column=\"customer_id\",domain=\"sales\",product=\"orders\"}"))
        .isEqualTo(0.96);
    assertThat(sample(prometheus, "watershed_product_checks_passing_ratio" + orders)).isEqualTo(1.0);
    assertThat(sample(prometheus, "watershed_product_sla_compliance_ratio" + ordersWindow)).isEqualTo(1.0);
    assertThat(sample(prometheus, "watershed_product_error_budget_remaining_ratio" + ordersWindow)).isEqualTo(1.0);
    assertThat(sample(prometheus, "watershed_product_error_budget_remaining_seconds" + ordersWindow))
        .isCloseTo(25_920.0, within());
    assertThat(sample(prometheus,
        "watershed_product_burn_rate{domain=\"finance\",product=\"jaffle-orders\",window=\"1h\"}"))
        .isCloseTo(100.0, within());
  }

  @Test
  @Order(3)
  void shouldGoOutOfSloWhenTheDeadlinePassesWithoutAnUpdate() {
    clock.advance(Duration.ofMinutes(31)); // 10:61 > 11:00, the deadline of orders' port
    Awaitility.await("the scheduler notices the passed deadline")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> http.get("/api/v1/data-products/orders").json().get("state").asText().equals("OUT_OF_SLO"));
    JsonNode orders = http.get("/api/v1/data-products/orders").json();
    assertThat(orders.get("stateSince").asText()).isEqualTo("2026-11-21T11:00:00Z");
    assertThat(orders.get("stateReasons").get(0).asText()).isEqualTo("STALE:" + PG + ":shop.public.orders");
    assertThat(sample(http.get("/prometheus").body(), "watershed_product_in_slo{domain=\"sales\",product=\"orders\"}"))
        .isEqualTo(0.0);
  }

  private JsonNode awaitStatus(String product, String state) {
    JsonNode[] last = new JsonNode[1];
    Awaitility.await(product + " " + state)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> {
          Http.Response r = http.get("/api/v1/data-products/" + product + "/status");
          assertThat(r.status()).as(r.body()).isEqualTo(200);
          last[0] = r.json();
          assertThat(last[0].get("state").asText()).as(r.body()).isEqualTo(state);
        });
    return last[0];
  }

  /** The value of one series in the Prometheus text, e.g. {@code watershed_product_in_slo{domain="x",product="y"}}. */
  private static double sample(String prometheus, String series) {
    return prometheus.lines()
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + prometheus));
  }

  private static String complete(String runId, String table, long rows, long nullCustomerIds) {
    return """
        {"eventType": "COMPLETE", "eventTime": "2026-11-21T10:00:00Z",
         "producer": "https://example.com/etl", "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
         "run": {"runId": "%s"}, "job": {"namespace": "etl", "name": "load_%s"},
         "outputs": [{"namespace": "%s", "name": "%s",
           "facets": {"dataQualityMetrics": {
             "_producer": "https://example.com/etl",
             "_schemaURL": "https://openlineage.io/spec/facets/1-0-0/DataQualityMetricsDatasetFacet.json",
             "rowCount": %d, "columnMetrics": {"customer_id": {"nullCount": %d}}}},
           "outputFacets": {"outputStatistics": {
             "_producer": "https://example.com/etl",
             "_schemaURL": "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json",
             "rowCount": %d}}}]}
        """.formatted(runId, table.replace('.', '_'), PG, table, rows, nullCustomerIds, rows);
  }

  private static Offset<Double> within() {
    return Offset.offset(1e-6);
  }

  private static String resource(String name) {
    try (InputStream in = ProductSloIT.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path contractsDir() {
    try {
      TestNeo4j.shared().clean();
      Path dir = Files.createTempDirectory("watershed-contracts");
      Files.writeString(dir.resolve("jaffle-orders.odcs.yaml"), PAYMENTS_ODCS);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
