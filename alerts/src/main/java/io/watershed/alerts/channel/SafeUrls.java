package io.watershed.alerts.channel;

import java.net.URI;

/**
 * URLs as they may appear in logs and exception messages. Webhook URLs are often credentials themselves (a Slack
 * incoming-webhook path is its secret; other URLs carry tokens in the query or user info), so only the scheme, host
 * and port are shown.
 */
final class SafeUrls {

  private SafeUrls() {}

  static String redact(URI url) {
    if (url == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    out.append(url.getScheme()).append("://").append(url.getHost());
    if (url.getPort() != -1) {
      out.append(':').append(url.getPort());
    }
    boolean hasMore =
        (url.getRawPath() != null && url.getRawPath().length() > 1) || url.getRawQuery() != null;
    return out.append(hasMore ? "/…" : "/").toString();
  }
}
