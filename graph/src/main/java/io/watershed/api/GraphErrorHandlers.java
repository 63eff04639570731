package io.watershed.api;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.watershed.graph.lineage.InvalidNodeIdException;
import io.watershed.graph.lineage.NodeNotFoundException;
import io.watershed.graph.neo4j.GraphUnavailableException;
import jakarta.inject.Singleton;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP answers to the graph's exceptions, for every API module (catalog, lineage, quality, alerts), in one place.
 * Each is {@code @Secondary}: a module that needs another answer for one of them registers its own, which wins.
 */
final class GraphErrorHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(GraphErrorHandlers.class);

  private GraphErrorHandlers() {}

  /** 404: no such namespace, dataset, job, run or field. */
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

  /** 503 with Retry-After: Neo4j is down, restarting or asked us to retry (driver and in-process alike). */
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

  @Produces
  @Singleton
  @Secondary
  static class GraphUnavailable implements ExceptionHandler<GraphUnavailableException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, GraphUnavailableException e) {
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
