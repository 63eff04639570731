package io.watershed.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineageClientUtils;
import io.watershed.bench.mesh.EventFactory;
import io.watershed.bench.stats.LatencyRecorder;
import io.watershed.bench.stats.Percentiles;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Arrays of events to {@code POST /api/v1/lineage/batch}. The OpenLineage Java client 1.55 has no batch transport
 * (its transports emit one event at a time), so this uses {@link HttpClient}, with each event serialised by
 * {@link OpenLineageClientUtils#toJson}, exactly as the client's HTTP transport serialises it. Every answer's
 * summary is checked: an event counts as sent only if the server reports it successful.
 *
 * <p>Latency is per request and covers only the HTTP exchange (the array is serialised before the clock starts);
 * events per second cover everything, serialisation included.
 */
public final class BatchBenchmark implements LoadGenerator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record SenderResult(long ok, long failed, long requests, LatencyRecorder latencies) {}

  private final EventFactory events;
  private final URI endpoint;
  private final int batchSize;
  private final Duration timeout;
  private final long maxErrors;
  private final List<HttpClient> clients = new ArrayList<>();
  private final Threads threads;
  private final AtomicLong cursor;

  public BatchBenchmark(
      Target target, EventFactory events, int threadCount, int batchSize, Duration timeout, long maxErrors, long firstEvent) {
    this.events = events;
    this.endpoint = target.resolve("/api/v1/lineage/batch");
    this.batchSize = batchSize;
    this.timeout = timeout;
    this.maxErrors = maxErrors;
    this.cursor = new AtomicLong(firstEvent);
    for (int i = 0; i < threadCount; i++) {
      clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
    }
    this.threads = new Threads("batch", threadCount);
  }

  @Override
  public String mode() {
    return "batch";
  }

  @Override
  public int threads() {
    return clients.size();
  }

  @Override
  public int eventsPerRequest() {
    return batchSize;
  }

  @Override
  public PhaseResult run(Limit limit) throws InterruptedException {
    long start = System.nanoTime();
    Budget budget = new Budget(limit, start);
    Errors errors = new Errors();
    AtomicBoolean abort = new AtomicBoolean();
    List<Callable<SenderResult>> tasks = new ArrayList<>();
    for (HttpClient client : clients) {
      tasks.add(() -> send(client, budget, errors, abort));
    }
    List<SenderResult> results = threads.runAll(tasks, limit.duration().plusMinutes(5).toNanos());
    long elapsed = System.nanoTime() - start;
    long ok = results.stream().mapToLong(SenderResult::ok).sum();
    long failed = results.stream().mapToLong(SenderResult::failed).sum();
    long requests = results.stream().mapToLong(SenderResult::requests).sum();
    long[] latencies = LatencyRecorder.merge(results.stream().map(SenderResult::latencies).toList());
    String detail = errors.describe() + (abort.get() ? "    (phase aborted: more than " + maxErrors + " errors)\n" : "");
    return new PhaseResult(ok, failed, requests, elapsed, Percentiles.summarise(latencies), detail);
  }

  private SenderResult send(HttpClient client, Budget budget, Errors errors, AtomicBoolean abort) {
    LatencyRecorder latencies = new LatencyRecorder();
    long ok = 0;
    long failed = 0;
    long requests = 0;
    int n;
    while (!abort.get() && (n = budget.claim(batchSize)) > 0) {
      long first = cursor.getAndAdd(n);
      byte[] body = batchJson(first, n);
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      requests++;
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
          failed += n;
          errors.add("HTTP " + response.statusCode(), n, response.body());
        } else {
          BatchSummary summary = BatchSummary.parse(response.body());
          if (summary.received() != n) {
            errors.add("summary.received mismatch", 0, "sent " + n + ", server received " + summary.received());
          }
          ok += summary.successful();
          failed += n - summary.successful();
          if (summary.successful() < n) {
            errors.add("failed_events (" + summary.status() + ")", n - summary.successful(), summary.firstFailure());
          } else {
            latencies.record(took);
          }
        }
      } catch (IOException e) {
        failed += n;
        errors.add(e.getClass().getSimpleName(), n, e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failed += n;
        break;
      }
      if (errors.total() > maxErrors) {
        abort.set(true);
      }
    }
    return new SenderResult(ok, failed, requests, latencies);
  }

  /** {@code [e1,e2,...]} with each event as the OpenLineage client serialises it. */
  private byte[] batchJson(long first, int n) {
    StringBuilder json = new StringBuilder(n * 8192).append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(OpenLineageClientUtils.toJson(events.eventAt(first + i)));
    }
    return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  public long cursor() {
    return cursor.get();
  }

  @Override
  public void close() {
    threads.close();
  }

  /** The {@code summary} of a batch answer, and the first failure's reason if any. */
  record BatchSummary(String status, long received, long successful, long failed, String firstFailure) {

    static BatchSummary parse(String body) throws IOException {
      JsonNode root = JSON.readTree(body);
      JsonNode s = root.path("summary");
      if (!s.isObject()) {
        throw new IOException("batch answer without summary: " + (body.length() > 200 ? body.substring(0, 200) : body));
      }
      JsonNode failures = root.path("failed_events");
      String first = failures.isArray() && failures.size() > 0 ? failures.get(0).toString() : null;
      return new BatchSummary(
          root.path("status").asText(),
          s.path("received").asLong(-1),
          s.path("successful").asLong(0),
          s.path("failed").asLong(0),
          first);
    }
  }
}
