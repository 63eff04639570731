package io.watershed.alerts.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.write.LineageEvent;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands committed lineage and product state changes to the engine thread; never blocks the publisher. */
final class AlertListeners {

  private static final Logger LOG = LoggerFactory.getLogger(AlertListeners.class);

  private AlertListeners() {}

  /** Committed OpenLineage batches, published synchronously by the ingest writer after each commit. */
  @Singleton
  @Requires(property = "watershed.alerts.enabled", notEquals = "false")
  static class Lineage implements ApplicationEventListener<LineageCommitted> {

    /** Most events one engine step takes; more wait for the next step. */
    static final int MAX_EVENTS_PER_STEP = 5_000;

    /** Most events waiting for the engine; beyond it batches are dropped with an error (the sweep catches up). */
    static final int MAX_PENDING_EVENTS = 20_000;

    private final AlertWorkQueue queue;
    private final AlertEngine engine;
    private final TaskScheduler scheduler;
    private final long stepIntervalNanos;
    private final ConcurrentLinkedQueue<LineageEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private volatile long lastStepNanos;

    Lineage(
        AlertWorkQueue queue,
        AlertEngine engine,
        AlertsSettings settings,
        @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
      this.queue = queue;
      this.engine = engine;
      this.scheduler = scheduler;
      this.stepIntervalNanos = settings.lineageStepInterval().toNanos();
      this.lastStepNanos = System.nanoTime() - stepIntervalNanos;
    }

    /**
     * Under load the writer commits many small transactions a second; one engine step per commit would repeat the
     * same queries for each (in the benchmark, queries over Bolt took a large share of the CPU). Commits that arrive
     * while a step is queued, or within {@code lineage-step-interval} of the last step, join the next step instead.
     */
    @Override
    public void onApplicationEvent(LineageCommitted event) {
      int n = event.events().size();
      if (pendingCount.addAndGet(n) > MAX_PENDING_EVENTS) {
        pendingCount.addAndGet(-n);
        LOG.error("Alert engine is {} events behind; dropped a batch of {}", MAX_PENDING_EVENTS, n);
        return;
      }
      pending.addAll(event.events());
      scheduleStep();
    }

    private void scheduleStep() {
      if (!stepQueued.compareAndSet(false, true)) {
        return;
      }
      long wait = lastStepNanos + stepIntervalNanos - System.nanoTime();
      if (wait <= 0) {
        submitStep();
        return;
      }
      try {
        scheduler.schedule(Duration.ofNanos(wait), this::submitStep);
      } catch (RejectedExecutionException e) {
        stepQueued.set(false); // shutting down
      }
    }

    private void submitStep() {
      if (!queue.submit("committed lineage", this::step)) {
        stepQueued.set(false);
      }
    }

    private void step() {
      lastStepNanos = System.nanoTime();
      stepQueued.set(false);
      List<LineageEvent> events = new ArrayList<>();
      LineageEvent e;
      while (events.size() < MAX_EVENTS_PER_STEP && (e = pending.poll()) != null) {
        events.add(e);
      }
      pendingCount.addAndGet(-events.size());
      if (!pending.isEmpty()) {
        scheduleStep();
      }
      if (!events.isEmpty()) {
        engine.onLineage(events);
      }
    }
  }

  /** SLO state changes of data products, published by the quality module. */
  @Singleton
  @Requires(property = "watershed.alerts.enabled", notEquals = "false")
  static class ProductState implements ApplicationEventListener<ProductStateChanged> {
    private final AlertWorkQueue queue;
    private final AlertEngine engine;

    ProductState(AlertWorkQueue queue, AlertEngine engine) {
      this.queue = queue;
      this.engine = engine;
    }

    @Override
    public void onApplicationEvent(ProductStateChanged event) {
      queue.submit("product " + event.product() + " now " + event.toState(), () -> engine.onProductState(event));
    }
  }
}
