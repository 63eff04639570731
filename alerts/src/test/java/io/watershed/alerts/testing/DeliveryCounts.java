package io.watershed.alerts.testing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.watershed.alerts.delivery.DeliveryMetrics;
import java.util.Map;
import java.util.TreeMap;

/** The delivery meters of a registry, read the way a test compares them. */
public final class DeliveryCounts {

  private DeliveryCounts() {}

  /** Every delivery counter, {@code "channel/outcome"} to its count, zeros included. */
  public static Map<String, Double> attempts(MeterRegistry registry) {
    Map<String, Double> out = new TreeMap<>();
    for (Counter c : registry.find(DeliveryMetrics.DELIVERIES).counters()) {
      out.put(c.getId().getTag(DeliveryMetrics.TAG_CHANNEL) + "/" + c.getId().getTag(DeliveryMetrics.TAG_OUTCOME),
          c.count());
    }
    return out;
  }

  /** The delivery counters that are not zero. */
  public static Map<String, Double> nonZeroAttempts(MeterRegistry registry) {
    Map<String, Double> out = attempts(registry);
    out.values().removeIf(v -> v == 0.0);
    return out;
  }

  /** Sends timed per channel: {@code channel} to the timer's count. */
  public static Map<String, Long> sends(MeterRegistry registry) {
    Map<String, Long> out = new TreeMap<>();
    for (Timer t : registry.find(DeliveryMetrics.DURATION).timers()) {
      out.put(t.getId().getTag(DeliveryMetrics.TAG_CHANNEL), t.count());
    }
    return out;
  }
}
