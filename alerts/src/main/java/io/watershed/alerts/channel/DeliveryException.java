package io.watershed.alerts.channel;

import java.io.Serial;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A notification was not delivered. {@link #retryable()} tells the delivery layer whether the same attempt could
 * succeed later (timeouts, connection errors, HTTP 408/429/5xx, SMTP 4xx) or will fail the same way until someone
 * changes the route or the configuration (other HTTP 4xx, SMTP 5xx, bad credentials, bad settings).
 *
 * <p>Messages name the channel, the host and the receiver's status, never secrets or full webhook URLs.
 */
public final class DeliveryException extends Exception {

  @Serial private static final long serialVersionUID = 1L;

  /** Why delivery failed; low-cardinality, so it can tag a metric. */
  public enum Reason {
    /** No answer in time. The receiver may still have processed the request: receivers dedup on the id. */
    TIMEOUT(true),
    /** The connection could not be opened or broke (refused, reset, DNS, TLS). */
    CONNECTION_FAILED(true),
    /** The sending thread was interrupted (e.g. shutdown); the interrupt flag is restored. */
    INTERRUPTED(true),
    /** HTTP 429: the receiver asks us to slow down, often with {@code Retry-After}. */
    RATE_LIMITED(true),
    /** HTTP 5xx, SMTP 4xx, or another failure on the receiver's side that is usually temporary. */
    SERVER_ERROR(true),
    /** The receiver refused this message for good: HTTP 4xx, a redirect, SMTP 5xx. */
    REJECTED(false),
    /** The receiver refused our credentials: HTTP 401/403, SMTP authentication. */
    AUTHENTICATION_FAILED(false),
    /** The route or the settings cannot work (wrong route type, no channel configured, bad URL). */
    MISCONFIGURED(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }

  private final ChannelType channel;
  private final Reason reason;
  private final Integer responseCode;
  private final Duration retryAfter;

  /**
   * @param channel the channel that failed
   * @param reason why; decides {@link #retryable()}
   * @param responseCode the HTTP status or SMTP reply code when the receiver answered, else null
   * @param retryAfter how long the receiver asked us to wait ({@code Retry-After}), else null
   * @param message what happened, safe to log
   * @param cause the underlying exception, may be null
   */
  public DeliveryException(
      ChannelType channel,
      Reason reason,
      Integer responseCode,
      Duration retryAfter,
      String message,
      Throwable cause) {
    super(message, cause);
    this.channel = Objects.requireNonNull(channel, "channel");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.responseCode = responseCode;
    this.retryAfter = retryAfter;
  }

  /** A failure without a receiver status or wait hint. */
  public DeliveryException(ChannelType channel, Reason reason, String message, Throwable cause) {
    this(channel, reason, null, null, message, cause);
  }

  static DeliveryException misconfigured(ChannelType channel, String message) {
    return new DeliveryException(channel, Reason.MISCONFIGURED, message, null);
  }

  static DeliveryException wrongRoute(ChannelType channel, Route route) {
    return misconfigured(channel, "the " + channel + " channel cannot deliver to a " + route.type() + " route");
  }

  /** Whether sending the same notification again later can succeed. */
  public boolean retryable() {
    return reason.retryable();
  }

  public Reason reason() {
    return reason;
  }

  public ChannelType channel() {
    return channel;
  }

  /** The HTTP status or SMTP reply code, when the receiver answered. */
  public OptionalInt responseCode() {
    return responseCode == null ? OptionalInt.empty() : OptionalInt.of(responseCode);
  }

  /** The receiver's {@code Retry-After}, as a wait from the moment it answered; never negative. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
