package io.watershed.alerts.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.watershed.alerts.channel.ChannelRegistry;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.delivery.DeliveryWorker.Outcome;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The delivery meters (docs/metrics.md, "Platform"): attempts by channel type and outcome, and how long each send to a
 * receiver took per channel type. Labels are bounded: {@code channel} is a {@link ChannelType} (never a URL or an
 * address), {@code outcome} an {@link Outcome}. The series of every configured channel are registered at start, so
 * they read 0 until something is sent.
 */
@Singleton
public class DeliveryMetrics {

  /** Delivery attempts whose outcome was recorded, by channel type and outcome. */
  public static final String DELIVERIES = "watershed.alert.deliveries";
  /** Time a channel took to send one notification (accepted or not), by channel type. */
  public static final String DURATION = "watershed.alert.delivery.duration";
  public static final String TAG_CHANNEL = "channel";
  public static final String TAG_OUTCOME = "outcome";

  /** Histogram buckets: an accepted send takes milliseconds, a failing one up to the channel's timeouts. */
  static final Duration[] DURATION_BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)
  };

  private final MeterRegistry registry;

  public DeliveryMetrics(MeterRegistry registry, ChannelRegistry channels) {
    this.registry = registry;
    for (ChannelType channel : channels.availableTypes()) {
      for (Outcome outcome : Outcome.values()) {
        counter(channel, outcome);
      }
      timer(channel);
    }
  }

  /** One attempt at a notification for this channel type ended in this outcome. */
  void attempted(ChannelType channel, Outcome outcome) {
    counter(channel, outcome).increment();
  }

  /** Starts timing a send. */
  Timer.Sample startSend() {
    return Timer.start(registry);
  }

  /** A send started with {@link #startSend()} returned or threw. */
  void sent(ChannelType channel, Timer.Sample sample) {
    sample.stop(timer(channel));
  }

  private Counter counter(ChannelType channel, Outcome outcome) {
    return Counter.builder(DELIVERIES)
        .description("Alert notification delivery attempts, by channel type and outcome")
        .tag(TAG_CHANNEL, channel.wireName())
        .tag(TAG_OUTCOME, outcome.label())
        .register(registry);
  }

  private Timer timer(ChannelType channel) {
    return Timer.builder(DURATION)
        .description("Time a channel took to send one alert notification, accepted or not")
        .tag(TAG_CHANNEL, channel.wireName())
        .serviceLevelObjectives(DURATION_BUCKETS)
        .register(registry);
  }
}
