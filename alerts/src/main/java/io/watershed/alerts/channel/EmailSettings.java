package io.watershed.alerts.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * SMTP settings of the email channel ({@code watershed.alerts.email.*}, or environment variables such as
 * {@code WATERSHED_ALERTS_EMAIL_HOST}). The channel exists only when {@code host} is set.
 *
 * @param host the SMTP server (relay or submission server)
 * @param port its port: 587 for STARTTLS submission, 465 for SMTPS, 25 for plain relays
 * @param security how the connection is protected; STARTTLS is required (not just attempted) when chosen
 * @param username SMTP user, or null to send without authentication
 * @param password SMTP password; never logged or printed
 * @param from the sender, e.g. {@code Watershed <watershed@company.com>}; its domain also names the Message-IDs
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout how long to wait for each server reply (and each write)
 */
@ConfigurationProperties("watershed.alerts.email")
@Requires(property = "watershed.alerts.email.host")
public record EmailSettings(
    String host,
    @Bindable(defaultValue = "587") int port,
    @Bindable(defaultValue = "STARTTLS") Security security,
    @Nullable String username,
    @Nullable String password,
    String from,
    @Bindable(defaultValue = "10s") Duration connectTimeout,
    @Bindable(defaultValue = "30s") Duration readTimeout) {

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain text; only for relays on a trusted network. */
    NONE,
    /** Connect in plain text, then upgrade with STARTTLS; the send fails if the server does not offer it. */
    STARTTLS,
    /** TLS from the first byte ("implicit TLS", usually port 465). */
    SMTPS
  }

  public EmailSettings {
    Checks.requireText(host, "watershed.alerts.email.host", 255);
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("watershed.alerts.email.port must be between 1 and 65535");
    }
    Objects.requireNonNull(security, "watershed.alerts.email.security is required");
    if (username != null && username.isBlank()) {
      username = null;
    }
    if (username != null && password == null) {
      throw new IllegalArgumentException("watershed.alerts.email.password is required with a username");
    }
    Checks.requireText(from, "watershed.alerts.email.from", 320);
    parseAddress(from);
    HttpChannelSettings.requirePositive(connectTimeout, "watershed.alerts.email.connect-timeout");
    HttpChannelSettings.requirePositive(readTimeout, "watershed.alerts.email.read-timeout");
  }

  /** {@code from} as an address, display name included. */
  InternetAddress sender() {
    return parseAddress(from);
  }

  private static InternetAddress parseAddress(String from) {
    try {
      InternetAddress address = new InternetAddress(from, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("watershed.alerts.email.from is not an email address: " + from, e);
    }
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "EmailSettings[host=" + host + ", port=" + port + ", security=" + security + ", username=" + username
        + ", password=" + (password == null ? "null" : "***") + ", from=" + from + ", connectTimeout="
        + connectTimeout + ", readTimeout=" + readTimeout + "]";
  }
}
