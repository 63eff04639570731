package io.watershed.alerts.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How the outbox is worked off ({@code watershed.alerts.delivery.*}); see docs/alerts.md.
 *
 * @param workerId this replica's name in leases; empty means host name plus a random suffix
 * @param pollInterval how often the outbox is looked at when nothing wakes the worker
 * @param concurrency notifications sent at the same time by this replica
 * @param perChannelConcurrency at most this many of them on one channel type, so a hanging channel leaves the
 *     others room
 * @param lease how long a claim lasts; longer than any one attempt can take (channel timeouts included), since an
 *     expired lease lets another worker send the notification again
 * @param maxAttempts attempts before a notification is given up (DEAD)
 * @param initialBackoff wait before the second attempt; doubles per attempt, with jitter
 * @param maxBackoff longest wait between attempts (a receiver's longer Retry-After is honoured, up to an hour)
 * @param alertmanagerRepost how often active alerts are posted to Alertmanager again; empty means a quarter of
 *     {@code watershed.alerts.alertmanager.firing-ttl}
 */
@ConfigurationProperties("watershed.alerts.delivery")
public record DeliverySettings(
    @Nullable String workerId,
    @Bindable(defaultValue = "1s") Duration pollInterval,
    @Bindable(defaultValue = "4") int concurrency,
    @Bindable(defaultValue = "2") int perChannelConcurrency,
    @Bindable(defaultValue = "2m") Duration lease,
    @Bindable(defaultValue = "10") int maxAttempts,
    @Bindable(defaultValue = "5s") Duration initialBackoff,
    @Bindable(defaultValue = "15m") Duration maxBackoff,
    @Nullable Duration alertmanagerRepost) {

  public DeliverySettings {
    positive(pollInterval, "poll-interval");
    positive(lease, "lease");
    positive(initialBackoff, "initial-backoff");
    positive(maxBackoff, "max-backoff");
    if (concurrency < 1) {
      throw new IllegalArgumentException("watershed.alerts.delivery.concurrency must be at least 1");
    }
    if (perChannelConcurrency < 1 || perChannelConcurrency > concurrency) {
      throw new IllegalArgumentException(
          "watershed.alerts.delivery.per-channel-concurrency must be between 1 and concurrency");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("watershed.alerts.delivery.max-attempts must be at least 1");
    }
    if (alertmanagerRepost != null) {
      positive(alertmanagerRepost, "alertmanager-repost");
    }
    if (workerId != null && workerId.isBlank()) {
      workerId = null;
    }
  }

  /** The defaults, for code that runs without Micronaut. */
  public static DeliverySettings defaults() {
    return new DeliverySettings(null, Duration.ofSeconds(1), 4, 2, Duration.ofMinutes(2), 10, Duration.ofSeconds(5),
        Duration.ofMinutes(15), null);
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("watershed.alerts.delivery." + name + " must be positive");
    }
  }
}
