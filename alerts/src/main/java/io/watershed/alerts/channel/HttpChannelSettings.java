package io.watershed.alerts.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Objects;

/**
 * HTTP behaviour shared by the webhook, Slack and Alertmanager channels ({@code watershed.alerts.http.*}).
 *
 * @param connectTimeout how long to wait for the TCP (and TLS) connection
 * @param requestTimeout the deadline of a whole attempt, connecting included, until the response is read
 * @param maxResponseBytes how much of a response body is read (for error messages); the rest is discarded, so a
 *     misbehaving receiver cannot make us buffer megabytes
 */
@ConfigurationProperties("watershed.alerts.http")
public record HttpChannelSettings(
    @Bindable(defaultValue = "5s") Duration connectTimeout,
    @Bindable(defaultValue = "10s") Duration requestTimeout,
    @Bindable(defaultValue = "16384") int maxResponseBytes) {

  public HttpChannelSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("maxResponseBytes must not be negative");
    }
  }

  /** The defaults: 5 s to connect, 10 s for the response, 16 KiB of response body. */
  public static HttpChannelSettings defaults() {
    return new HttpChannelSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 16 * 1024);
  }

  static Duration requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name + " is required");
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
