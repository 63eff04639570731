package io.watershed.alerts.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.write.LineageEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
    private final ConcurrentLinkedQueue<LineageEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stepQueued = new AtomicBoolean();
    private final AtomicInteger pendingCount = new AtomicInteger();

    Lineage(AlertWorkQueue queue, AlertEngine engine) {
      this.queue = queue;
      this.engine = engine;
    }

    /**
     * Under load the writer commits many small transactions a second; one engine step per commit would repeat the
     * same queries for each. Commits that arrive while a step is queued join that step instead.
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
      if (stepQueued.compareAndSet(false, true) && !queue.submit("committed lineage", this::step)) {
        stepQueued.set(false);
      }
    }

    private void step() {
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
