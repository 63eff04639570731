package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Objects;

/** Where alerts about a product go. Routes are values; sending is the alerts module's business. */
public sealed interface AlertRoute permits AlertRoute.Email, AlertRoute.Slack, AlertRoute.Webhook {

  /** A mail to one address. */
  record Email(String address) implements AlertRoute {
    public Email {
      Objects.requireNonNull(address, "address");
      if (!EmailAddresses.isValid(address)) {
        throw new IllegalArgumentException("not an email address: " + address);
      }
    }
  }

  /**
   * A Slack message, through an incoming webhook, to a channel, or both (the webhook picks its own channel unless one
   * is given).
   */
  record Slack(@Nullable URI webhookUrl, @Nullable String channel) implements AlertRoute {
    public Slack {
      if (webhookUrl == null && channel == null) {
        throw new IllegalArgumentException("a Slack route needs a webhook URL, a channel or both");
      }
      if (webhookUrl != null && !HttpUrls.isHttpUrl(webhookUrl)) {
        throw new IllegalArgumentException("Slack webhook URL must be http(s): " + HttpUrls.redacted(webhookUrl));
      }
    }

    /** Without the webhook's path: a Slack webhook URL is a credential and must not reach logs. */
    @Override
    public String toString() {
      return "Slack[webhookUrl=" + (webhookUrl == null ? null : HttpUrls.redacted(webhookUrl)) + ", channel="
          + channel + "]";
    }
  }

  /**
   * A JSON POST to any HTTP endpoint.
   *
   * @param secretEnv the environment variable that holds the signing secret, or null for unsigned posts; the secret
   *     itself never appears in a contract
   */
  record Webhook(URI url, @Nullable String secretEnv) implements AlertRoute {
    public Webhook {
      Objects.requireNonNull(url, "url");
      if (!HttpUrls.isHttpUrl(url)) {
        throw new IllegalArgumentException("webhook URL must be http(s): " + HttpUrls.redacted(url));
      }
    }

    /** Without the URL's path and query, which often carry a token. */
    @Override
    public String toString() {
      return "Webhook[url=" + HttpUrls.redacted(url) + ", secretEnv=" + secretEnv + "]";
    }
  }
}
