package io.watershed.alerts.channel;

import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the channel for a route. Channels whose settings are missing (e.g. email without an SMTP host) are not
 * registered; sending to such a route fails with {@link DeliveryException.Reason#MISCONFIGURED}.
 */
@Singleton
public final class ChannelRegistry {

  private final Map<ChannelType, NotificationChannel> channels = new EnumMap<>(ChannelType.class);

  public ChannelRegistry(List<NotificationChannel> channels) {
    for (NotificationChannel channel : channels) {
      NotificationChannel previous = this.channels.putIfAbsent(channel.type(), channel);
      if (previous != null) {
        throw new IllegalArgumentException(
            "two channels for " + channel.type() + ": " + previous.getClass().getName() + " and "
                + channel.getClass().getName());
      }
    }
  }

  /** The channel that delivers to this route. */
  public NotificationChannel channelFor(Route route) throws DeliveryException {
    NotificationChannel channel = channels.get(route.type());
    if (channel == null) {
      throw DeliveryException.misconfigured(
          route.type(), "no " + route.type() + " channel is configured (see docs/alert-channels.md)");
    }
    return channel;
  }

  /** Delivers with the channel for this route; see {@link NotificationChannel#send}. */
  public void send(Notification notification, Route route) throws DeliveryException {
    channelFor(route).send(notification, route);
  }

  /** The route types that can be delivered to with the current configuration. */
  public Set<ChannelType> availableTypes() {
    return Collections.unmodifiableSet(channels.keySet());
  }
}
