package io.watershed.alerts.channel;

/**
 * Where one notification goes. One record per channel type; {@link ChannelRegistry} picks the channel by
 * {@link #type()}. Records that hold a secret override {@code toString()} so a route can be logged safely.
 */
public sealed interface Route permits EmailRoute, SlackRoute, WebhookRoute, AlertmanagerRoute {

  /** The channel that can deliver to this route. */
  ChannelType type();
}
