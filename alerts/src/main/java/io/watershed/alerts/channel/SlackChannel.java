package io.watershed.alerts.channel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to a Slack incoming webhook: {@code text} plus Block Kit {@code blocks} from
 * {@link NotificationRenderer#slackMessage}, and the route's {@code channel} override when set.
 *
 * <p>Slack answers errors as text ({@code invalid_payload}, {@code channel_not_found}, {@code no_service} ...);
 * they end up in the {@link DeliveryException} message. Slack's 429 carries {@code Retry-After}.
 */
@Singleton
public final class SlackChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(SlackChannel.class);

  private final ChannelHttpClient http;
  private final NotificationRenderer renderer;

  public SlackChannel(ChannelHttpClient http, NotificationRenderer renderer) {
    this.http = http;
    this.renderer = renderer;
  }

  @Override
  public ChannelType type() {
    return ChannelType.SLACK;
  }

  @Override
  public void send(Notification notification, Route route) throws DeliveryException {
    if (!(route instanceof SlackRoute slack)) {
      throw DeliveryException.wrongRoute(type(), route);
    }
    ObjectNode message = renderer.slackMessage(notification);
    if (slack.channel() != null) {
      message.put("channel", slack.channel());
    }
    http.postJson(type(), slack.webhookUrl(), Json.write(message), Map.of());
    LOG.debug("Delivered notification {} to Slack {}", notification.id(), slack);
  }
}
