package io.watershed.bench.ingest;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.HttpTransportResponseException;
import io.watershed.bench.mesh.EventFactory;
import io.watershed.bench.stats.LatencyRecorder;
import io.watershed.bench.stats.Percentiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One event per request, the way OpenLineage integrations send them: every producer thread owns one
 * {@link OpenLineageClient} with its own {@link HttpTransport} (so its own connection pool), and emits events one
 * after the other. The HTTP transport's emit is synchronous (it returns after the server's answer), so the time
 * around {@code emit} is what a pipeline waits per event: JSON serialisation, the request, and the server's
 * group commit.
 *
 * <p>Without a circuit breaker the 1.55 client throws on a non-2xx answer ({@link HttpTransportResponseException})
 * and on I/O errors; each is counted. The server's own count is still compared at the end, in case a client ever
 * swallowed a failure.
 */
public final class IngestBenchmark implements LoadGenerator {

  /** Result of one producer thread in one phase. */
  private record ProducerResult(long ok, long failed, LatencyRecorder latencies) {}

  private final EventFactory events;
  private final List<OpenLineageClient> clients = new ArrayList<>();
  private final Threads threads;
  private final long maxErrors;
  /** Position in the event stream: shared by all producers and phases, so no event is sent twice. */
  private final AtomicLong cursor;

  public IngestBenchmark(Target target, EventFactory events, int producers, Duration timeout, long maxErrors, long firstEvent) {
    this.events = events;
    this.maxErrors = maxErrors;
    this.cursor = new AtomicLong(firstEvent);
    for (int p = 0; p < producers; p++) {
      HttpConfig config = new HttpConfig();
      config.setUrl(target.baseUrl());
      config.setEndpoint("/api/v1/lineage");
      config.setTimeoutInMillis((int) timeout.toMillis());
      clients.add(OpenLineageClient.builder().transport(new HttpTransport(config)).build());
    }
    this.threads = new Threads("producer", producers);
  }

  @Override
  public String mode() {
    return "ingest";
  }

  @Override
  public int threads() {
    return clients.size();
  }

  @Override
  public int eventsPerRequest() {
    return 1;
  }

  @Override
  public PhaseResult run(Limit limit) throws InterruptedException {
    long start = System.nanoTime();
    Budget budget = new Budget(limit, start);
    Errors errors = new Errors();
    AtomicBoolean abort = new AtomicBoolean();
    List<Callable<ProducerResult>> tasks = new ArrayList<>();
    for (OpenLineageClient client : clients) {
      tasks.add(() -> produce(client, budget, errors, abort));
    }
    List<ProducerResult> results = threads.runAll(tasks, limit.duration().plusMinutes(5).toNanos());
    long elapsed = System.nanoTime() - start;
    long ok = results.stream().mapToLong(ProducerResult::ok).sum();
    long failed = results.stream().mapToLong(ProducerResult::failed).sum();
    long[] latencies = LatencyRecorder.merge(results.stream().map(ProducerResult::latencies).toList());
    String detail = errors.describe() + (abort.get() ? "    (phase aborted: more than " + maxErrors + " errors)\n" : "");
    return new PhaseResult(ok, failed, ok + failed, elapsed, Percentiles.summarise(latencies), detail);
  }

  private ProducerResult produce(OpenLineageClient client, Budget budget, Errors errors, AtomicBoolean abort) {
    LatencyRecorder latencies = new LatencyRecorder();
    long ok = 0;
    long failed = 0;
    while (!abort.get() && budget.claim(1) == 1) {
      RunEvent event = events.eventAt(cursor.getAndIncrement());
      long t0 = System.nanoTime();
      try {
        client.emit(event);
        latencies.record(System.nanoTime() - t0);
        ok++;
      } catch (HttpTransportResponseException e) {
        failed++;
        errors.add("HTTP " + e.getStatusCode(), 1, e.getBody());
      } catch (RuntimeException e) {
        failed++;
        Throwable root = rootCause(e);
        errors.add(root.getClass().getSimpleName(), 1, root.getMessage());
      }
      if (errors.total() > maxErrors) {
        abort.set(true);
      }
    }
    return new ProducerResult(ok, failed, latencies);
  }

  static Throwable rootCause(Throwable t) {
    Throwable root = t;
    // Bounded: cause chains are short, and a cycle must not hang the producer.
    for (int depth = 0; depth < 20 && root.getCause() != null && root.getCause() != root; depth++) {
      root = root.getCause();
    }
    return root;
  }

  /** Position of the next event to send. */
  public long cursor() {
    return cursor.get();
  }

  @Override
  public void close() {
    threads.close();
    for (OpenLineageClient client : clients) {
      try {
        client.close();
      } catch (Exception e) {
        // Closing connection pools after the run; nothing left to report.
      }
    }
  }
}
