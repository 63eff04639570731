package io.watershed.server.errors;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.watershed.api.ApiError;
import jakarta.inject.Singleton;

/**
 * The read API's own error family; every body is an {@link ApiError}. The graph's exceptions (not found, invalid
 * nodeId, Neo4j unavailable) are answered by {@code io.watershed.api.GraphErrorHandlers} for every module.
 */
final class ErrorHandlers {

  private ErrorHandlers() {}

  /** 400: a parameter out of its range. */
  @Produces
  @Singleton
  static class BadParameter implements ExceptionHandler<BadParameterException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, BadParameterException e) {
      return HttpResponse.badRequest(ApiError.of("invalid_parameter", e.parameter(), e.rule()));
    }
  }
}
