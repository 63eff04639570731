package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelRegistryTest {

  /** Records what it was asked to send. */
  private record FakeChannel(ChannelType type, List<Route> sent) implements NotificationChannel {
    FakeChannel(ChannelType type) {
      this(type, new ArrayList<>());
    }

    @Override
    public void send(Notification notification, Route route) {
      sent.add(route);
    }
  }

  private final FakeChannel slack = new FakeChannel(ChannelType.SLACK);
  private final FakeChannel webhook = new FakeChannel(ChannelType.WEBHOOK);
  private final ChannelRegistry registry = new ChannelRegistry(List.of(slack, webhook));

  @Test
  void shouldPickTheChannelByRouteType() throws Exception {
    SlackRoute slackRoute = new SlackRoute(URI.create("https://hooks.slack.com/services/T/B/X"), null);
    WebhookRoute webhookRoute = new WebhookRoute(URI.create("https://example.com/hook"), "0123456789abcdef");

    registry.send(SampleNotifications.firing(), slackRoute);
    registry.send(SampleNotifications.firing(), webhookRoute);

    assertThat(slack.sent()).containsExactly(slackRoute);
    assertThat(webhook.sent()).containsExactly(webhookRoute);
    assertThat(registry.channelFor(slackRoute)).isSameAs(slack);
    assertThat(registry.availableTypes()).containsExactly(ChannelType.SLACK, ChannelType.WEBHOOK);
  }

  @Test
  void shouldFailWithoutRetryWhenNoChannelServesTheRoute() {
    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> registry.send(SampleNotifications.firing(),
        new EmailRoute(List.of("ops@company.com"))));

    assertThat(e.retryable()).isFalse();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.MISCONFIGURED);
    assertThat(e.channel()).isEqualTo(ChannelType.EMAIL);
  }

  @Test
  void shouldRefuseTwoChannelsForOneType() {
    assertThatThrownBy(() -> new ChannelRegistry(List.of(slack, new FakeChannel(ChannelType.SLACK))))
        .hasMessageContaining("two channels for SLACK");
  }
}
