package io.watershed.server.metrics;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.watershed.quality.product.ProductChanged;
import jakarta.inject.Singleton;

/** Reads the producer gauges back at start, and drops a product's producer meters when the product is deleted. */
@Singleton
public class ProducerMetricsLifecycle {

  private final RunRecorder recorder;
  private final ProducerMetrics metrics;
  private final ProductPorts ports;

  public ProducerMetricsLifecycle(RunRecorder recorder, ProducerMetrics metrics, ProductPorts ports) {
    this.recorder = recorder;
    this.metrics = metrics;
    this.ports = ports;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    recorder.seed();
  }

  @EventListener
  void onProductChanged(ProductChanged changed) {
    if (ports.product(changed.product()).isEmpty()) {
      metrics.remove(changed.product());
    }
  }
}
