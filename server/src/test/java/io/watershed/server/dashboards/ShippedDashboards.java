package io.watershed.server.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * What the repository ships under {@code dashboards/}: the Grafana dashboards' queries and the Prometheus rules,
 * read from the files themselves so that the tests check exactly what {@code docker compose up} loads.
 */
final class ShippedDashboards {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ShippedDashboards() {}

  /** The repository root: {@code watershed.repo.dir} when Maven sets it, else the parent of the module. */
  static Path repository() {
    String dir = System.getProperty("watershed.repo.dir");
    Path root = dir != null ? Path.of(dir) : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  static Path dashboardsDir() {
    return repository().resolve("dashboards/grafana/dashboards");
  }

  static Path rulesDir() {
    return repository().resolve("dashboards/prometheus/rules");
  }

  static Path prometheusConfig() {
    return repository().resolve("dashboards/prometheus/prometheus.yml");
  }

  static List<Path> dashboardFiles() {
    return list(dashboardsDir(), ".json");
  }

  static List<Path> ruleFiles() {
    return list(rulesDir(), ".yml");
  }

  static JsonNode dashboard(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel query of every shipped dashboard, rows' nested panels included. */
  static List<Query> panelQueries() {
    List<Query> queries = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = dashboard(file);
      String title = dashboard.path("title").asText();
      panels(dashboard.path("panels"), title, queries);
    }
    return queries;
  }

  /** Every template variable query of every shipped dashboard. */
  static List<Query> variableQueries() {
    List<Query> queries = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = dashboard(file);
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        if (variable.path("type").asText().equals("query")) {
          JsonNode query = variable.path("query");
          String text = query.isObject() ? query.path("query").asText() : query.asText();
          queries.add(new Query(dashboard.path("title").asText() + " / $" + variable.path("name").asText(), text));
        }
      }
    }
    return queries;
  }

  /** Every rule file's text, by file name. */
  static List<RuleFile> rules() {
    return ruleFiles().stream().map(f -> RuleFile.parse(f.getFileName().toString(), read(f))).toList();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void panels(JsonNode panels, String dashboard, List<Query> out) {
    for (JsonNode panel : panels) {
      String where = dashboard + " / " + panel.path("title").asText();
      for (JsonNode target : panel.path("targets")) {
        if (target.hasNonNull("expr") && !target.path("expr").asText().isBlank()) {
          out.add(new Query(where + " [" + target.path("refId").asText() + "]", target.path("expr").asText()));
        }
      }
      panels(panel.path("panels"), dashboard, out);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query and where it comes from (dashboard / panel [refId], or file / rule). */
  record Query(String where, String expr) {}

  /**
   * One Prometheus rule file.
   *
   * @param recorded the names its recording rules define
   * @param expressions every rule's expression, recording and alerting
   */
  record RuleFile(String name, List<String> recorded, List<Query> expressions) {

    @SuppressWarnings("unchecked")
    static RuleFile parse(String name, String yaml) {
      Map<String, Object> root = new Yaml().load(yaml);
      List<String> recorded = new ArrayList<>();
      List<Query> expressions = new ArrayList<>();
      for (Map<String, Object> group : (List<Map<String, Object>>) root.get("groups")) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
          String id = rule.containsKey("record") ? (String) rule.get("record") : (String) rule.get("alert");
          if (rule.containsKey("record")) {
            recorded.add(id);
          }
          expressions.add(new Query(name + " / " + id, String.valueOf(rule.get("expr"))));
        }
      }
      return new RuleFile(name, recorded, expressions);
    }
  }
}
