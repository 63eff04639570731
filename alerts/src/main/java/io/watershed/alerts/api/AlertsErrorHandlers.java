package io.watershed.alerts.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.watershed.api.ApiError;
import jakarta.inject.Singleton;

/**
 * One handler per error family of the alerts API; every body is an {@link ApiError}. The graph's exceptions are
 * answered by {@code io.watershed.api.GraphErrorHandlers}, shared by every module.
 */
final class AlertsErrorHandlers {

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
}
