package io.watershed.alerts.channel;

import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs JSON for the HTTP channels and turns every way it can fail into a {@link DeliveryException}: one place for
 * timeouts, bounded response reading and status mapping.
 *
 * <p>Redirects are not followed: a redirected POST could carry a signed payload to a host nobody configured, so a
 * 3xx is reported and the route should be fixed to the final URL.
 */
@Singleton
public final class ChannelHttpClient {

  private static final String USER_AGENT = "Watershed-Alerts/1";

  private final HttpClient client;
  private final HttpChannelSettings settings;
  private final InstantSource clock;

  /**
   * @param settings timeouts and the response size limit
   * @param clock turns an HTTP-date {@code Retry-After} into a wait
   */
  public ChannelHttpClient(HttpChannelSettings settings, InstantSource clock) {
    this.settings = settings;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            // Plain HTTP/1.1: small payloads, and every receiver (and proxy) speaks it.
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /**
   * POSTs {@code json} (sent as UTF-8 with {@code Content-Type: application/json}) and returns once the receiver
   * answered 2xx.
   *
   * @param channel the channel sending, for the exception
   * @param url where to POST
   * @param json the request body
   * @param headers extra request headers
   * @throws DeliveryException for any other outcome; see {@link DeliveryException.Reason}
   */
  public void postJson(ChannelType channel, URI url, String json, Map<String, String> headers)
      throws DeliveryException {
    HttpRequest request = buildRequest(channel, url, json, headers);
    String target = SafeUrls.redact(url);
    CompletableFuture<HttpResponse<String>> pending =
        client.sendAsync(request, BoundedBodySubscriber.handler(settings.maxResponseBytes()));
    HttpResponse<String> response;
    try {
      // The request timeout covers the wait for response headers; this bound also covers a body that trickles.
      response = pending.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw new DeliveryException(
          channel, DeliveryException.Reason.TIMEOUT,
          channel + " delivery to " + target + " timed out after " + settings.requestTimeout(), e);
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new DeliveryException(
          channel, DeliveryException.Reason.INTERRUPTED, channel + " delivery to " + target + " was interrupted", e);
    } catch (ExecutionException e) {
      throw transportFailure(channel, target, unwrap(e));
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    throw statusFailure(channel, target, response);
  }

  private HttpRequest buildRequest(ChannelType channel, URI url, String json, Map<String, String> headers)
      throws DeliveryException {
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(url)
              .timeout(settings.requestTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", USER_AGENT)
              .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      headers.forEach(builder::header);
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw DeliveryException.misconfigured(
          channel, "cannot build a request to " + SafeUrls.redact(url) + ": " + e.getMessage());
    }
  }

  private static Throwable unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause == null ? e : cause;
  }

  private static DeliveryException transportFailure(ChannelType channel, String target, Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return new DeliveryException(
          channel, DeliveryException.Reason.TIMEOUT,
          channel + " delivery to " + target + " timed out: " + cause.getMessage(), cause);
    }
    String what = Causes.contain(cause, ConnectException.class) ? "could not connect" : "connection failed";
    // Any other I/O failure (reset, DNS, TLS) is worth another try: receivers come back, certificates get renewed.
    return new DeliveryException(
        channel, DeliveryException.Reason.CONNECTION_FAILED,
        channel + " delivery to " + target + " failed, " + what + ": " + describe(cause), cause);
  }

  private DeliveryException statusFailure(ChannelType channel, String target, HttpResponse<String> response) {
    int status = response.statusCode();
    DeliveryException.Reason reason;
    if (status == 408) {
      reason = DeliveryException.Reason.TIMEOUT;
    } else if (status == 429) {
      reason = DeliveryException.Reason.RATE_LIMITED;
    } else if (status >= 500) {
      reason = DeliveryException.Reason.SERVER_ERROR;
    } else if (status == 401 || status == 403) {
      reason = DeliveryException.Reason.AUTHENTICATION_FAILED;
    } else {
      reason = DeliveryException.Reason.REJECTED;
    }
    Duration retryAfter =
        reason.retryable()
            ? RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                .orElse(null)
            : null;
    String message = channel + " delivery to " + target + " failed: HTTP " + status;
    if (status >= 300 && status < 400) {
      message += " (redirects are not followed; configure the final URL)";
    }
    String quoted = response.body() == null ? "" : Text.excerpt(response.body());
    if (!quoted.isEmpty()) {
      message += ": " + quoted;
    }
    return new DeliveryException(channel, reason, status, retryAfter, message, null);
  }

  private static String describe(Throwable error) {
    // The JDK's ConnectException often has a null message; name the type so the log line still says something.
    String message = error.getMessage();
    String type = error.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }
}
