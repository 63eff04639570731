package io.watershed.server.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.server.dashboards.ShippedDashboards.Query;
import io.watershed.server.demo.DemoLoader;
import io.watershed.server.demo.DemoScenario.DemoSummary;
import io.watershed.server.support.Http;
import io.watershed.server.support.SharedNeo4jTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proof that the shipped dashboards and rules work: Watershed runs the demo (as {@code docker compose up} does),
 * and every metric a dashboard panel, a template variable or a rule reads must be in its {@code /prometheus} answer;
 * then a real Prometheus loads the shipped configuration and rules, scrapes it, and every panel's query must return
 * data. A metric renamed in code without the dashboards following fails here.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardsIT implements SharedNeo4jTest {

  private static final Duration DEMO_LOAD = Duration.ofMinutes(3);
  private static final Pattern DOCUMENTED_NAME = Pattern.compile("`(watershed_[a-z0-9_]+)");

  @Inject EmbeddedServer server;
  @Inject DemoLoader demo;
  private Http http;
  private Path work;
  private PrometheusServer prometheus;

  /** The database is emptied here, before the application starts: the demo loads as soon as the server is up. */
  @Override
  public Map<String, String> getProperties() {
    TestNeo4j.shared().clean();
    Map<String, String> properties = new HashMap<>(SharedNeo4jTest.super.getProperties());
    properties.put("watershed.demo.enabled", "true");
    properties.put("watershed.demo.interval", "2s");
    properties.put("watershed.metrics.consumer-refresh", "2s");
    return properties;
  }

  @BeforeAll
  void loadTheDemo() throws Exception {
    http = new Http(server.getURL().toString());
    work = Files.createTempDirectory("watershed-prometheus-");
    DemoSummary summary = demo.loaded().get(DEMO_LOAD.toSeconds(), TimeUnit.SECONDS);
    assertThat(summary.historySent()).as("the demo's products are new, so its history was sent").isTrue();
  }

  @AfterAll
  void stopPrometheus() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
    if (work != null) {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  void shouldExposeEveryMetricThatADashboardOrRuleReads() {
    MetricReferences references = MetricReferences.shipped();
    assertThat(references.scrapedNames()).hasSizeGreaterThan(30);

    // The consumer gauges appear with the first refresh after the history, the producer meters as runs are measured.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(references.missing(scrape().samples()))
            .as("metrics read by dashboards or rules but not exposed by Watershed (name -> readers)")
            .isEmpty());
  }

  @Test
  void shouldDocumentEveryMetricItExposes() throws IOException {
    String docs = Files.readString(ShippedDashboards.repository().resolve("docs/metrics.md"), StandardCharsets.UTF_8);
    Set<String> documented = new TreeSet<>();
    Matcher m = DOCUMENTED_NAME.matcher(docs);
    while (m.find()) {
      documented.add(m.group(1));
    }

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      PrometheusText scraped = scrape();
      Set<String> undocumented = new TreeSet<>(scraped.watershedFamilies());
      undocumented.removeAll(documented);
      assertThat(undocumented).as("metrics exposed but not in docs/metrics.md").isEmpty();
      Set<String> stale = new TreeSet<>(documented);
      stale.removeAll(scraped.samples());
      stale.removeAll(scraped.families().keySet());
      assertThat(stale).as("metrics in docs/metrics.md that Watershed does not expose").isEmpty();
    });
  }

  @Test
  void shouldAnswerEveryDashboardQueryFromARealPrometheusWithTheShippedRules() throws Exception {
    Optional<Path> binary = PrometheusServer.binary("prometheus");
    Assumptions.assumeTrue(binary.isPresent(),
        "the prometheus binary is not on the PATH (apt-get install prometheus; .ci/run does): skipping the test "
            + "against a real Prometheus");
    prometheus = PrometheusServer.start(binary.get(), work, server.getPort());
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(prometheus::ready);
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertThat(prometheus.targetHealth()).as(prometheus.logTail()).containsExactly("up"));

    List<Query> queries = ShippedDashboards.panelQueries();
    Map<String, String> invalid = new LinkedHashMap<>();
    for (Query q : queries) {
      try {
        prometheus.query(GrafanaVariables.substitute(q.expr()));
      } catch (IllegalArgumentException e) {
        invalid.put(q.where(), e.getMessage());
      }
    }
    assertThat(invalid).as("queries Prometheus refuses").isEmpty();

    // Rates need two scrapes and the recording rules an evaluation after them; scrapes and evaluations run each second.
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
        assertThat(withoutData(queries)).as("dashboard queries that return no data (panel -> query)").isEmpty());
  }

  @Test
  void shouldPassPromtoolOnTheShippedRules() throws Exception {
    Optional<Path> promtool = PrometheusServer.binary("promtool");
    Assumptions.assumeTrue(promtool.isPresent(),
        "the promtool binary is not on the PATH (apt-get install prometheus; .ci/run does): skipping the check "
            + "of the shipped rules");
    List<String> command = new ArrayList<>(List.of(promtool.get().toString(), "check", "rules"));
    ShippedDashboards.ruleFiles().forEach(f -> command.add(f.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
  }

  private Map<String, String> withoutData(List<Query> queries) {
    Map<String, String> empty = new LinkedHashMap<>();
    for (Query q : queries) {
      JsonNode data = prometheus.query(GrafanaVariables.substitute(q.expr()));
      if (data.path("result").isEmpty()) {
        empty.put(q.where(), q.expr());
      }
    }
    return empty;
  }

  private PrometheusText scrape() {
    Http.Response response = http.get("/prometheus");
    assertThat(response.status()).isEqualTo(200);
    return PrometheusText.parse(response.body());
  }
}
