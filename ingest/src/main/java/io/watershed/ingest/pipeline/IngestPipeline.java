package io.watershed.ingest.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.neo4j.GraphUnavailableException;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriter;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit. Requests put their events on one queue; a single writer thread takes the first waiting event and
 * what queued behind it or keeps arriving ({@link GroupCommitBatcher}: up to {@code max-transaction-events}, until
 * arrivals pause for {@code transaction-quiet-period}, at most {@code max-transaction-wait}), and writes them in one
 * transaction. Each event's future completes only
 * after the transaction holding it has committed, so the HTTP layer answers 2xx only for durable events. While a
 * transaction runs, the next one fills up: the busier the server, the bigger (and cheaper per event) the
 * transactions.
 *
 * <p>This replaced a Reactor {@code bufferTimeout} + {@code concatMap} chain, which the benchmark caught stalling for
 * good under closed-loop load (docs/benchmarks.md, finding 1) and cutting transactions of ~5 events while 16 waited.
 * A blocking queue and one thread have no timers or prefetch to get wrong.
 *
 * <p>If a transaction fails for a reason other than the database being unavailable, its events are retried one by
 * one, so one event the database refuses cannot fail the other requests that shared its transaction.
 */
@Singleton
public class IngestPipeline implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  /** How often an idle writer looks whether the pipeline was closed. */
  private static final Duration IDLE_POLL = Duration.ofMillis(100);

  private final LineageWriter writer;
  private final IngestMetrics metrics;
  private final IngestSettings settings;
  private final ApplicationEventPublisher<LineageCommitted> committed;
  private final AtomicInteger queued = new AtomicInteger();
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writerThread;
  private volatile boolean closed;

  public IngestPipeline(
      LineageWriter writer,
      IngestMetrics metrics,
      IngestSettings settings,
      ApplicationEventPublisher<LineageCommitted> committed) {
    this.writer = writer;
    this.committed = committed;
    this.metrics = metrics;
    this.settings = settings;
    this.writerThread = new Thread(this::writeLoop, "ingest-writer");
    writerThread.setDaemon(true);
    writerThread.start();
    Gauge.builder(IngestMetrics.QUEUE, queued, AtomicInteger::get)
        .description("Events accepted but not yet committed")
        .register(metrics.registry());
  }

  /** The writer thread: one transaction at a time, each holding what queued up while the previous one ran. */
  private void writeLoop() {
    GroupCommitBatcher<Pending> batcher =
        new GroupCommitBatcher<>(
            queue,
            settings.getMaxTransactionEvents(),
            settings.getMaxTransactionWait(),
            settings.getTransactionQuietPeriod());
    while (!closed || !queue.isEmpty()) {
      try {
        List<Pending> batch = batcher.next(IDLE_POLL, () -> closed);
        if (!batch.isEmpty()) {
          commitAndRelease(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Queues events for the next transactions. The returned futures complete when each event is committed, or fail
   * with {@link StorageUnavailableException} (retry later) or the database's refusal of that event.
   */
  public List<CompletableFuture<Void>> submit(List<LineageEvent> events) {
    if (closed) {
      return events.stream().map(e -> CompletableFuture.<Void>failedFuture(new IngestOverloadedException("shutting down"))).toList();
    }
    if (queued.addAndGet(events.size()) > settings.getQueueCapacity()) {
      queued.addAndGet(-events.size());
      return events.stream()
          .map(e -> CompletableFuture.<Void>failedFuture(new IngestOverloadedException("ingest queue is full")))
          .toList();
    }
    long now = System.nanoTime();
    return events.stream()
        .map(
            e -> {
              Pending p = new Pending(e, new CompletableFuture<>(), now);
              queue.add(p);
              return p.done();
            })
        .toList();
  }

  private void commitAndRelease(List<Pending> batch) {
    try {
      commit(batch);
    } catch (RuntimeException e) {
      // commit() completes every future itself; this only keeps the pipeline alive if that ever fails.
      LOG.error("Unexpected failure in the ingest writer", e);
      batch.forEach(p -> p.done().completeExceptionally(e));
    } finally {
      queued.addAndGet(-batch.size());
    }
  }

  private void commit(List<Pending> batch) {
    try {
      List<LineageEvent> events = batch.stream().map(Pending::event).toList();
      metrics.transaction().record(() -> writer.write(events));
      metrics.transactionSize(events.size());
      batch.forEach(this::succeeded);
      publish(events);
    } catch (GraphUnavailableException e) {
      LOG.warn("Neo4j unavailable, {} events not written: {}", batch.size(), e.getMessage());
      batch.forEach(p -> failed(p, new StorageUnavailableException(e)));
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        LOG.warn("Neo4j refused event {}: {}", batch.get(0).event().eventId(), e.getMessage());
        failed(batch.get(0), e);
      } else {
        LOG.warn("Transaction of {} events failed ({}); writing them one by one", batch.size(), e.toString());
        batch.forEach(p -> commit(List.of(p)));
      }
    }
  }

  private void publish(List<LineageEvent> events) {
    try {
      committed.publishEvent(new LineageCommitted(events));
    } catch (RuntimeException e) {
      // The events are committed and acknowledged; a failing listener must not undo that.
      LOG.error("A listener of committed lineage failed", e);
    }
  }

  private void succeeded(Pending p) {
    metrics.latency().record(System.nanoTime() - p.enqueuedNanos(), TimeUnit.NANOSECONDS);
    metrics.accepted(p.event().producer());
    p.done().complete(null);
  }

  private void failed(Pending p, Throwable cause) {
    metrics.failed(cause instanceof StorageUnavailableException ? "storage_unavailable" : "storage_refused", p.event().producer());
    p.done().completeExceptionally(cause);
  }

  /** Stops taking events and waits (bounded) for the queued ones to commit. */
  @PreDestroy
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writerThread.join(settings.getCommitTimeout().toMillis());
      if (writerThread.isAlive()) {
        LOG.warn("Ingest queue not drained at shutdown; {} events unacknowledged", queued.get());
        writerThread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Pending(LineageEvent event, CompletableFuture<Void> done, long enqueuedNanos) {}
}
