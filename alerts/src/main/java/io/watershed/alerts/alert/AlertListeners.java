package io.watershed.alerts.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.events.ProductStateChanged;
import jakarta.inject.Singleton;

/** Hands committed lineage and product state changes to the engine thread; never blocks the publisher. */
final class AlertListeners {

  private AlertListeners() {}

  /** Committed OpenLineage batches, published synchronously by the ingest writer after each commit. */
  @Singleton
  @Requires(property = "watershed.alerts.enabled", notEquals = "false")
  static class Lineage implements ApplicationEventListener<LineageCommitted> {
    private final AlertWorkQueue queue;
    private final AlertEngine engine;

    Lineage(AlertWorkQueue queue, AlertEngine engine) {
      this.queue = queue;
      this.engine = engine;
    }

    @Override
    public void onApplicationEvent(LineageCommitted event) {
      queue.submit("a batch of " + event.events().size() + " events", () -> engine.onLineage(event.events()));
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
