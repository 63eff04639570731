package io.watershed.alerts.channel;

/**
 * One way of reaching a recipient (email, Slack, webhook, Alertmanager).
 *
 * <p>{@link #send} is synchronous and keeps no state: it returns once the receiver accepted the message, or throws.
 * It never retries by itself, so the delivery layer decides how often and when to try again; when it throws, the
 * channel has changed nothing on our side. A timeout can still mean the receiver got the message, which is why every
 * channel passes the notification id along for the receiver to drop duplicates.
 */
public interface NotificationChannel {

  /** The route type this channel delivers to. */
  ChannelType type();

  /**
   * Delivers one notification to one route.
   *
   * @throws DeliveryException when the receiver did not accept it; {@link DeliveryException#retryable()} says
   *     whether to try again, {@link DeliveryException#retryAfter()} when
   */
  void send(Notification notification, Route route) throws DeliveryException;
}
