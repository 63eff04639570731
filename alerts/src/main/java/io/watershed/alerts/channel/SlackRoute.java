package io.watershed.alerts.channel;

import java.net.URI;

/**
 * A Slack incoming webhook.
 *
 * @param webhookUrl the incoming-webhook URL ({@code https://hooks.slack.com/services/...}); its path is a secret
 * @param channel optional channel override such as {@code #data-alerts}; only legacy webhooks honour it, app
 *     webhooks always post to the channel they were created for. May be null.
 */
public record SlackRoute(URI webhookUrl, String channel) implements Route {

  public SlackRoute {
    Checks.requireHttpUrl(webhookUrl, "webhookUrl");
    if (channel != null && channel.isBlank()) {
      channel = null;
    }
  }

  @Override
  public ChannelType type() {
    return ChannelType.SLACK;
  }

  /** Hides the webhook path: whoever has it can post to the channel. */
  @Override
  public String toString() {
    return "SlackRoute[webhookUrl=" + SafeUrls.redact(webhookUrl) + ", channel=" + channel + "]";
  }
}
