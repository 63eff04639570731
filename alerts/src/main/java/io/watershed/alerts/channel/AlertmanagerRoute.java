package io.watershed.alerts.channel;

import java.net.URI;

/**
 * A Prometheus Alertmanager. Alerts are POSTed to {@code <baseUrl>/api/v2/alerts}.
 *
 * @param baseUrl the Alertmanager's external URL including any route prefix, e.g. {@code http://alertmanager:9093}
 *     or {@code https://ops.example.com/alertmanager}; user info ({@code https://user:pass@host}) is sent as HTTP
 *     basic authentication
 */
public record AlertmanagerRoute(URI baseUrl) implements Route {

  public AlertmanagerRoute {
    Checks.requireHttpUrl(baseUrl, "baseUrl");
  }

  @Override
  public ChannelType type() {
    return ChannelType.ALERTMANAGER;
  }

  /** Hides user info (basic-auth credentials) and the path. */
  @Override
  public String toString() {
    return "AlertmanagerRoute[baseUrl=" + SafeUrls.redact(baseUrl) + "]";
  }
}
