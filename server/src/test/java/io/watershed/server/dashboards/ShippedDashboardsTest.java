package io.watershed.server.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped dashboards are what docker compose provisions, and each is usable on its own. */
class ShippedDashboardsTest {

  private static final Set<String> PRODUCT_DASHBOARDS = Set.of("Data products", "Producers", "Consumers");

  @Test
  void shouldShipTheFourDashboards() {
    List<String> titles = ShippedDashboards.dashboardFiles().stream()
        .map(f -> ShippedDashboards.dashboard(f).path("title").asText())
        .toList();

    assertThat(titles).containsExactlyInAnyOrder("Data products", "Producers", "Consumers", "Watershed platform");
  }

  @Test
  void shouldGiveEveryDashboardAUniqueUidAndTheProvisionedDatasource() {
    Set<String> uids = new HashSet<>();
    for (Path file : ShippedDashboards.dashboardFiles()) {
      JsonNode dashboard = ShippedDashboards.dashboard(file);
      assertThat(uids.add(dashboard.path("uid").asText())).as("unique uid in %s", file).isTrue();
      assertThat(dashboard.path("schemaVersion").asInt()).as("schemaVersion of %s", file).isGreaterThanOrEqualTo(39);
      for (JsonNode panel : panels(dashboard)) {
        assertThat(panel.path("datasource").path("uid").asText()).as("datasource of %s", panel.path("title"))
            .isEqualTo("prometheus");
        assertThat(panel.path("targets")).as("queries of %s", panel.path("title")).isNotEmpty();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asText()).isEqualTo("prometheus");
        }
      }
    }
  }

  @Test
  void shouldOfferDomainAndProductOnTheProductDashboards() {
    for (Path file : ShippedDashboards.dashboardFiles()) {
      JsonNode dashboard = ShippedDashboards.dashboard(file);
      if (!PRODUCT_DASHBOARDS.contains(dashboard.path("title").asText())) {
        continue;
      }
      List<String> variables = new ArrayList<>();
      dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
      assertThat(variables).as("variables of %s", dashboard.path("title")).contains("domain", "product");
      assertThat(ShippedDashboards.panelQueries().stream()
              .filter(q -> q.where().startsWith(dashboard.path("title").asText() + " / "))
              .filter(ShippedDashboardsTest::perProduct)
              .allMatch(q -> q.expr().contains("$domain") && q.expr().contains("$product")))
          .as("every product query of %s filters on $domain and $product", dashboard.path("title"))
          .isTrue();
    }
  }

  @Test
  void shouldMountWhatTheProvisioningAndPrometheusConfigurationRead() {
    String compose = ShippedDashboards.read(ShippedDashboards.repository().resolve("docker-compose.yml"));
    String provisioning = ShippedDashboards.read(
        ShippedDashboards.repository().resolve("dashboards/grafana/provisioning/dashboards/watershed.yml"));
    String prometheus = ShippedDashboards.read(ShippedDashboards.prometheusConfig());

    assertThat(compose).contains("./dashboards/grafana/dashboards:/var/lib/grafana/dashboards")
        .contains("./dashboards/grafana/provisioning:/etc/grafana/provisioning")
        .contains("./dashboards/prometheus:/etc/prometheus");
    assertThat(provisioning).contains("path: /var/lib/grafana/dashboards");
    assertThat(prometheus).contains("/etc/prometheus/rules/*.yml").contains("metrics_path: /prometheus");
    assertThat(ShippedDashboards.ruleFiles()).isNotEmpty();
  }

  /** A query of per-product series: raw product metrics or product-level recording rules. */
  private static boolean perProduct(ShippedDashboards.Query query) {
    return PromQl.metricNames(query.expr()).stream()
        .anyMatch(n -> n.startsWith("watershed_product_") || n.startsWith("product"));
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if (!panel.path("type").asText().equals("row")) {
        panels.add(panel);
      }
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }
}
