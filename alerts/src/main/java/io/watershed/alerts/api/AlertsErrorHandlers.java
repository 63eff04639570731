package io.watershed.alerts.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.watershed.api.ApiError;
import io.watershed.graph.lineage.InvalidNodeIdException;
import io.watershed.graph.lineage.NodeNotFoundException;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One handler per error family of the alerts API; every body is an {@link ApiError}. Handlers for the graph's
 * exceptions are {@code @Secondary}: where the server module registers its own for the same exceptions (same
 * bodies), those win and nothing is ambiguous.
 */
final class AlertsErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsErrorHandlers.class);

  private AlertsErrorHandlers() {}

  /** 400: a parameter out of its rules, named. */
  @Produces
  @Singleton
  static class BadParameter implements ExceptionHandler<BadParameterException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadParameterException e) {
      return HttpResponse.badRequest(ApiError.of("invalid_parameter", e.parameter(), e.rule()));
    }
  }

  /**
   * 400: a parameter or body that does not convert to its type (a number that is not one). Replaces Micronaut's own
   * handler so the body is an {@link ApiError} naming the parameter, like every other error.
   */
  @Produces
  @Singleton
  @Replaces(ConversionErrorHandler.class)
  static class Conversion implements ExceptionHandler<ConversionErrorException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ConversionErrorException e) {
      String name = e.getArgument() == null ? "" : e.getArgument().getName();
      return HttpResponse.badRequest(ApiError.of("invalid_parameter", name, "cannot be read as " + typeName(e)));
    }

    private static String typeName(ConversionErrorException e) {
      return e.getArgument() == null ? "the expected type" : e.getArgument().getType().getSimpleName();
    }
  }

  /** 404: no such alert, silence or change. */
  @Produces
  @Singleton
  static class NotFound implements ExceptionHandler<ResourceNotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ResourceNotFoundException e) {
      return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.message("not_found", e.getMessage()));
    }
  }

  /** 404: no such dataset, job, field or data product in the graph. */
  @Produces
  @Singleton
  @Secondary
  static class NodeNotFound implements ExceptionHandler<NodeNotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, NodeNotFoundException e) {
      return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.message("not_found", e.getMessage()));
    }
  }

  /** 400: a nodeId that does not parse. */
  @Produces
  @Singleton
  @Secondary
  static class InvalidNodeId implements ExceptionHandler<InvalidNodeIdException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidNodeIdException e) {
      return HttpResponse.badRequest(ApiError.of("invalid_parameter", "nodeId", e.getMessage()));
    }
  }

  /** 503 with Retry-After: Neo4j is down, restarting or asked us to retry. */
  @Produces
  @Singleton
  @Secondary
  static class Unavailable implements ExceptionHandler<ServiceUnavailableException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ServiceUnavailableException e) {
      return unavailable(e);
    }
  }

  @Produces
  @Singleton
  @Secondary
  static class Transient implements ExceptionHandler<TransientException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, TransientException e) {
      return unavailable(e);
    }
  }

  @Produces
  @Singleton
  @Secondary
  static class Expired implements ExceptionHandler<SessionExpiredException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, SessionExpiredException e) {
      return unavailable(e);
    }
  }

  private static HttpResponse<ApiError> unavailable(RuntimeException e) {
    LOG.warn("Neo4j unavailable: {}", e.getMessage());
    return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", "5")
        .body(ApiError.message("storage_unavailable", "the graph database is unavailable; retry later"));
  }
}
