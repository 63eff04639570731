package io.watershed.server.durability;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** The packaged {@code watershed.jar} run as its own process, as a user runs it. */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServerProcess start(Path jar, Path dataDir, Path log) throws IOException {
    int port = freePort();
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString()));
    pb.environment().put("WATERSHED_DATA_DIR", dataDir.toString());
    pb.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
    pb.environment().put("WATERSHED_NEO4J_EMBEDDED_PAGE_CACHE_MB", "64");
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    ServerProcess server = new ServerProcess(pb.start(), port);
    Awaitility.await("watershed.jar healthy on port " + port + " (log: " + log + ")")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(server::healthy);
    return server;
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  boolean healthy() {
    if (!process.isAlive()) {
      throw new IllegalStateException("watershed.jar exited with " + process.exitValue());
    }
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 && r.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        kill9();
      }
    }
  }

  static Path jar() {
    String jar = System.getProperty("watershed.server.jar", "target/watershed.jar");
    return new File(jar).toPath().toAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
