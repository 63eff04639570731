package io.watershed.alerts.channel;

import java.net.URI;
import java.util.Objects;

/**
 * A generic HTTPS webhook that receives Watershed's versioned JSON payload.
 *
 * @param url where to POST
 * @param secret the shared secret the {@code X-Watershed-Signature} HMAC is keyed with; at least 16 characters
 *     (32 random bytes, e.g. {@code openssl rand -hex 32}, recommended). Never logged.
 */
public record WebhookRoute(URI url, String secret) implements Route {

  static final int MIN_SECRET_LENGTH = 16;

  public WebhookRoute {
    Checks.requireHttpUrl(url, "url");
    Objects.requireNonNull(secret, "secret is required");
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException("secret must be at least " + MIN_SECRET_LENGTH + " characters");
    }
  }

  @Override
  public ChannelType type() {
    return ChannelType.WEBHOOK;
  }

  /** Never prints the secret, and hides the URL's path and query, which often carry tokens too. */
  @Override
  public String toString() {
    return "WebhookRoute[url=" + SafeUrls.redact(url) + ", secret=***]";
  }
}
