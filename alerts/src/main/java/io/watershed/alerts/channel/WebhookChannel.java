package io.watershed.alerts.channel;

import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs the versioned JSON payload ({@link WebhookPayload}) to a {@link WebhookRoute}, signed with the route's
 * secret so the receiver can check it came from Watershed (see {@link WebhookSignature}).
 *
 * <p>Headers: {@code X-Watershed-Event} (firing, resolved, upstream_at_risk), {@code X-Watershed-Delivery} (the
 * notification id, the same on every retry, for the receiver to drop duplicates), {@code X-Watershed-Timestamp} and
 * {@code X-Watershed-Signature}.
 */
@Singleton
public final class WebhookChannel implements NotificationChannel {

  public static final String EVENT_HEADER = "X-Watershed-Event";
  public static final String DELIVERY_HEADER = "X-Watershed-Delivery";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookChannel.class);

  private final ChannelHttpClient http;
  private final InstantSource clock;

  /**
   * @param http the shared HTTP client
   * @param clock gives the signature timestamp
   */
  public WebhookChannel(ChannelHttpClient http, InstantSource clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public ChannelType type() {
    return ChannelType.WEBHOOK;
  }

  @Override
  public void send(Notification notification, Route route) throws DeliveryException {
    if (!(route instanceof WebhookRoute webhook)) {
      throw DeliveryException.wrongRoute(type(), route);
    }
    String body = Json.write(WebhookPayload.of(notification));
    // Signed at each attempt: a retry gets a fresh timestamp, so it passes the receiver's replay window.
    long timestamp = clock.instant().getEpochSecond();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(EVENT_HEADER, notification.kind().wireName());
    headers.put(DELIVERY_HEADER, notification.id());
    headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    headers.put(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(webhook.secret(), timestamp, body));
    http.postJson(type(), webhook.url(), body, headers);
    LOG.debug("Delivered notification {} to webhook {}", notification.id(), SafeUrls.redact(webhook.url()));
  }
}
