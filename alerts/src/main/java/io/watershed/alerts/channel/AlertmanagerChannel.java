package io.watershed.alerts.channel;

import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one alert to Alertmanager's v2 API, {@code POST <baseUrl>/api/v2/alerts} (see {@link AlertmanagerPayload}).
 *
 * <p>{@code endsAt}: a RESOLVED notification sends its {@code resolvedAt}, which resolves the alert at once. An
 * active one (FIRING, UPSTREAM_AT_RISK) sends now plus {@link AlertmanagerSettings#firingTtl()} rather than leaving
 * it empty: an empty {@code endsAt} makes Alertmanager resolve the alert after its own {@code resolve_timeout}
 * (5 minutes by default). Alertmanager expects active alerts to be posted again while they last, as Prometheus does;
 * a repeated post with the same labels is deduplicated and does not notify anyone again.
 */
@Singleton
public final class AlertmanagerChannel implements NotificationChannel {

  static final String ALERTS_PATH = "/api/v2/alerts";

  private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerChannel.class);

  private final ChannelHttpClient http;
  private final NotificationRenderer renderer;
  private final AlertmanagerSettings settings;
  private final InstantSource clock;

  /**
   * @param http the shared HTTP client
   * @param renderer writes the annotations
   * @param settings the firing TTL
   * @param clock gives {@code endsAt} of active alerts
   */
  public AlertmanagerChannel(
      ChannelHttpClient http, NotificationRenderer renderer, AlertmanagerSettings settings, InstantSource clock) {
    this.http = http;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public ChannelType type() {
    return ChannelType.ALERTMANAGER;
  }

  @Override
  public void send(Notification notification, Route route) throws DeliveryException {
    if (!(route instanceof AlertmanagerRoute alertmanager)) {
      throw DeliveryException.wrongRoute(type(), route);
    }
    Instant endsAt =
        notification.kind() == NotificationKind.RESOLVED
            ? notification.resolvedAt()
            : clock.instant().plus(settings.firingTtl());
    String body = Json.write(AlertmanagerPayload.of(notification, endsAt, renderer));
    URI baseUrl = alertmanager.baseUrl();
    http.postJson(type(), alertsUrl(baseUrl), body, authorization(baseUrl));
    LOG.debug("Delivered notification {} to Alertmanager {}", notification.id(), alertmanager);
  }

  /** {@code <baseUrl>/api/v2/alerts} without the user info, keeping any route prefix in the base path. */
  static URI alertsUrl(URI baseUrl) {
    String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String port = baseUrl.getPort() == -1 ? "" : ":" + baseUrl.getPort();
    return URI.create(baseUrl.getScheme() + "://" + baseUrl.getHost() + port + path + ALERTS_PATH);
  }

  /** User info in the base URL becomes HTTP basic authentication (the JDK client does not send it by itself). */
  static Map<String, String> authorization(URI baseUrl) {
    String userInfo = baseUrl.getRawUserInfo();
    if (userInfo == null || userInfo.isEmpty()) {
      return Map.of();
    }
    String credentials = URLDecoder.decode(userInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    String token = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + token);
  }
}
