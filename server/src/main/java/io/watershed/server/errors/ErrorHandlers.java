package io.watershed.server.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
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

/** One handler per error family of the read API; every body is an {@link ApiError}. */
final class ErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

  private ErrorHandlers() {}

  /** 404: no such namespace, dataset, job, run or field. */
  @Produces
  @Singleton
  static class NotFound implements ExceptionHandler<NodeNotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, NodeNotFoundException e) {
      return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.message("not_found", e.getMessage()));
    }
  }

  /** 400: a nodeId that does not parse. */
  @Produces
  @Singleton
  static class InvalidNodeId implements ExceptionHandler<InvalidNodeIdException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidNodeIdException e) {
      return HttpResponse.badRequest(ApiError.of("invalid_parameter", "nodeId", e.getMessage()));
    }
  }

  /** 400: a parameter out of its range. */
  @Produces
  @Singleton
  static class BadParameter implements ExceptionHandler<BadParameterException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadParameterException e) {
      return HttpResponse.badRequest(ApiError.of("invalid_parameter", e.parameter(), e.rule()));
    }
  }

  /** 503 with Retry-After: Neo4j is down, restarting or asked us to retry. */
  @Produces
  @Singleton
  static class Unavailable implements ExceptionHandler<ServiceUnavailableException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ServiceUnavailableException e) {
      return unavailable(e);
    }
  }

  @Produces
  @Singleton
  static class Transient implements ExceptionHandler<TransientException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, TransientException e) {
      return unavailable(e);
    }
  }

  @Produces
  @Singleton
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
