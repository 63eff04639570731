package io.watershed.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.watershed.alerts.testing.AlertsDatabase;
import io.watershed.api.ApiError;
import io.watershed.graph.lineage.NodeNotFoundException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The shared handlers for the graph's exceptions ({@code io.watershed.api.GraphErrorHandlers}) are
 * {@code @Secondary}: a module that registers its own for the same exception wins, and nothing is ambiguous.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerHandlersWinIT implements TestPropertyProvider {

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public @NonNull Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(AlertsDatabase.micronautProperties());
    p.put("watershed.alerts.enabled", "false");
    p.put("watershed.test.server-handlers", "true");
    return p;
  }

  @Test
  void shouldLetAnotherModulesHandlerForTheSameExceptionWin() {
    try {
      client.toBlocking().exchange(HttpRequest.GET("/api/v1/impact?nodeId=dataset:wh:nope"), String.class);
      throw new AssertionError("expected 404");
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(404);
      assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"error\":\"server_not_found\"");
    }
  }

  /** Stands for the server module's handler. */
  @Produces
  @Singleton
  @Requires(property = "watershed.test.server-handlers")
  static class ServerNotFound implements ExceptionHandler<NodeNotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, NodeNotFoundException e) {
      return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.message("server_not_found", e.getMessage()));
    }
  }
}
