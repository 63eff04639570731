package io.watershed.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.watershed.alerts.channel.ChannelRegistry;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationChannel;
import io.watershed.alerts.channel.Route;
import io.watershed.alerts.delivery.DeliveryWorker.Outcome;
import io.watershed.alerts.testing.DeliveryCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryMetricsTest {

  /** A configured channel; these tests never send. */
  private record Configured(ChannelType type) implements NotificationChannel {
    @Override
    public void send(Notification notification, Route route) {
      throw new AssertionError("nothing is sent in this test");
    }
  }

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DeliveryMetrics metrics = new DeliveryMetrics(registry,
      new ChannelRegistry(List.of(new Configured(ChannelType.WEBHOOK), new Configured(ChannelType.SLACK))));

  @Test
  void shouldRegisterEveryOutcomeOfEveryConfiguredChannelAtZero() {
    assertThat(DeliveryCounts.attempts(registry)).isEqualTo(Map.of(
        "slack/dead", 0.0, "slack/delivered", 0.0, "slack/lease_lost", 0.0, "slack/retry", 0.0,
        "webhook/dead", 0.0, "webhook/delivered", 0.0, "webhook/lease_lost", 0.0, "webhook/retry", 0.0));
    assertThat(DeliveryCounts.sends(registry)).isEqualTo(Map.of("slack", 0L, "webhook", 0L));
  }

  @Test
  void shouldCountAttemptsOnAnyChannelTypeWithOnlyTheChannelAndOutcomeLabels() {
    // A route whose channel has no settings (email without an SMTP host) fails as MISCONFIGURED: DEAD.
    metrics.attempted(ChannelType.EMAIL, Outcome.DEAD);
    metrics.attempted(ChannelType.WEBHOOK, Outcome.RETRY_SCHEDULED);
    metrics.attempted(ChannelType.WEBHOOK, Outcome.RETRY_SCHEDULED);

    assertThat(DeliveryCounts.nonZeroAttempts(registry)).isEqualTo(Map.of("email/dead", 1.0, "webhook/retry", 2.0));
    assertThat(DeliveryCounts.attempts(registry)).hasSize(9);
    assertThat(registry.find(DeliveryMetrics.DELIVERIES).meters()).extracting(Meter::getId)
        .allSatisfy(id -> assertThat(id.getTags()).extracting(Tag::getKey)
            .containsExactly(DeliveryMetrics.TAG_CHANNEL, DeliveryMetrics.TAG_OUTCOME));
  }

  @Test
  void shouldTimeEachSendUnderItsChannel() {
    Timer.Sample sample = metrics.startSend();
    metrics.sent(ChannelType.SLACK, sample);

    assertThat(DeliveryCounts.sends(registry)).isEqualTo(Map.of("slack", 1L, "webhook", 0L));
  }
}
