package io.watershed.server.demo;

import io.micronaut.core.annotation.Nullable;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Talks to a running Watershed the way the demo's users would: contracts through the data-product API, events
 * through the OpenLineage Java client's HTTP transport (as any integration sends them).
 */
public final class DemoClient implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final @Nullable String apiKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final OpenLineageClient lineage;

  /** @param apiKey an ingest API key, when the instance requires one */
  public DemoClient(URI base, @Nullable String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
    HttpConfig config = new HttpConfig();
    config.setUrl(base);
    config.setEndpoint("/api/v1/lineage");
    config.setTimeoutInMillis((int) TIMEOUT.toMillis());
    if (apiKey != null) {
      ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
      auth.setApiKey(apiKey);
      config.setAuth(auth);
    }
    this.lineage = OpenLineageClient.builder().transport(new HttpTransport(config)).build();
  }

  /**
   * Stores a contract ({@code PUT /api/v1/data-products/{name}}).
   *
   * @return true when the product was created, false when it existed already
   */
  public boolean putContract(String product, String document) {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/data-products/" + product))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/yaml")
        .PUT(HttpRequest.BodyPublishers.ofString(document))
        .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200 && response.statusCode() != 201) {
      throw new DemoException("the contract of " + product + " was refused with " + response.statusCode() + ": "
          + response.body());
    }
    return response.statusCode() == 201;
  }

  /**
   * Posts a hand-written event body to the ingest endpoint, as a script with its own emitter would.
   *
   * @return the HTTP status
   */
  public int postRawEvent(String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/lineage"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return send(request.build()).statusCode();
  }

  /** Sends one event; the OpenLineage client throws when Watershed does not acknowledge it. */
  public void emit(RunEvent event) {
    lineage.emit(event);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DemoException("could not reach " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted while calling " + request.uri(), e);
    }
  }

  @Override
  public void close() {
    try {
      lineage.close();
    } catch (Exception e) {
      throw new DemoException("could not close the OpenLineage client: " + e.getMessage(), e);
    }
  }
}
