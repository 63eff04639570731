package io.watershed.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads the server's health, metrics and lineage API around a benchmark: never part of the measured load. */
public final class ServerProbe {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Target target;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public ServerProbe(Target target) {
    this.target = target;
  }

  /** Waits (bounded) until {@code /health} answers 200. */
  public void awaitUp(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() - deadline < 0) {
      try {
        HttpResponse<String> r = get("/health");
        if (r.statusCode() == 200) {
          return;
        }
        last = "HTTP " + r.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      sleep(500);
    }
    throw new IllegalStateException("server at " + target.base() + " not up after " + timeout.toSeconds() + " s: " + last);
  }

  public PrometheusText scrape() {
    try {
      HttpResponse<String> r = get("/prometheus");
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET /prometheus answered " + r.statusCode());
      }
      return PrometheusText.parse(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot scrape " + target.base() + "/prometheus", e);
    }
  }

  /**
   * Waits (bounded) until the server holds no accepted-but-uncommitted events, so a following scrape counts
   * everything the benchmark sent, including events whose client gave up waiting.
   */
  public PrometheusText scrapeWhenDrained(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    PrometheusText scrape = scrape();
    while (scrape.sum("watershed_ingest_queue_events") > 0 && System.nanoTime() - deadline < 0) {
      sleep(200);
      scrape = scrape();
    }
    return scrape;
  }

  /** Nodes of the downstream lineage of a dataset, as a check that the graph is multi-level; -1 if it fails. */
  public int downstreamNodes(String namespace, String name, int depth) {
    String nodeId = URLEncoder.encode("dataset:" + namespace + ":" + name, StandardCharsets.UTF_8);
    try {
      HttpResponse<String> r = get("/api/v1/lineage?nodeId=" + nodeId + "&depth=" + depth + "&direction=downstream");
      if (r.statusCode() != 200) {
        return -1;
      }
      JsonNode graph = JSON.readTree(r.body()).path("graph");
      return graph.isArray() ? graph.size() : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(target.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
