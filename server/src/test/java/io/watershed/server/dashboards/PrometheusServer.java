package io.watershed.server.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.watershed.server.support.Http;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (the Debian package's binary) run by a test: the shipped {@code prometheus.yml} with the target
 * pointed at the Watershed under test and the intervals cut to one second, and the shipped rule files, on a free
 * loopback port with its own data directory.
 */
final class PrometheusServer implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final Http http;

  private PrometheusServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.http = new Http("http://127.0.0.1:" + port);
  }

  /** The binary on the PATH, if any. */
  static Optional<Path> binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Writes the configuration under {@code work} and starts Prometheus scraping {@code 127.0.0.1:watershedPort}.
   *
   * @return the server; it is up when {@link #ready()} says so
   */
  static PrometheusServer start(Path binary, Path work, int watershedPort) throws IOException {
    Path rules = Files.createDirectories(work.resolve("rules"));
    for (Path file : ShippedDashboards.ruleFiles()) {
      Files.copy(file, rules.resolve(file.getFileName()));
    }
    Path config = work.resolve("prometheus.yml");
    Files.writeString(config, testConfig(ShippedDashboards.read(ShippedDashboards.prometheusConfig()),
        rules.resolve("*.yml"), watershedPort));
    int port = freePort();
    Path log = work.resolve("prometheus.log");
    Process process = new ProcessBuilder(binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + Files.createDirectories(work.resolve("data")),
            "--web.listen-address=127.0.0.1:" + port,
            "--log.level=warn")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new PrometheusServer(process, log, port);
  }

  /**
   * The shipped configuration, with exactly these changes: intervals of one second (a test cannot wait for 15 s
   * scrapes), the rule files where the test copied them, and the Watershed under test as the target. Each change must
   * apply: when the shipped file changes shape, this fails instead of silently testing something else.
   */
  static String testConfig(String shipped, Path rules, int watershedPort) {
    Map<String, String> changes = Map.of(
        "scrape_interval: 15s", "scrape_interval: 1s",
        "evaluation_interval: 15s", "evaluation_interval: 1s",
        "/etc/prometheus/rules/*.yml", rules.toString(),
        "\"watershed:5000\"", "\"127.0.0.1:" + watershedPort + "\"");
    String config = shipped;
    for (Map.Entry<String, String> change : changes.entrySet()) {
      if (!config.contains(change.getKey())) {
        throw new IllegalStateException("dashboards/prometheus/prometheus.yml no longer contains '" + change.getKey()
            + "': update the dashboard test with it");
      }
      config = config.replace(change.getKey(), change.getValue());
    }
    return config;
  }

  boolean ready() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ": " + logTail());
    }
    try {
      return http.get("/-/ready").status() == 200;
    } catch (IllegalStateException e) {
      return false; // not listening yet
    }
  }

  /** The health of each scrape target ({@code up}, {@code down}, {@code unknown}). */
  List<String> targetHealth() {
    JsonNode targets = http.get("/api/v1/targets").json().path("data").path("activeTargets");
    return targets.findValuesAsText("health");
  }

  /** An instant query: the {@code data} of the answer, or an exception naming the error Prometheus gave. */
  JsonNode query(String promql) {
    Http.Response response = http.get("/api/v1/query?query=" + Http.enc(promql));
    JsonNode body = response.json();
    if (!"success".equals(body.path("status").asText())) {
      throw new IllegalArgumentException(body.path("errorType").asText() + ": " + body.path("error").asText());
    }
    return body.path("data");
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
