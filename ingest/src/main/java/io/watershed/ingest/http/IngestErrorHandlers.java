package io.watershed.ingest.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.watershed.api.ApiError;
import io.watershed.ingest.event.InvalidEventException;
import jakarta.inject.Singleton;

/** Maps ingest errors to their HTTP answers: 400/413 for bad events, 401 for a bad API key. */
final class IngestErrorHandlers {

  private IngestErrorHandlers() {}

  @Produces
  @Singleton
  @Requires(classes = {InvalidEventException.class, ExceptionHandler.class})
  static class InvalidEventHandler implements ExceptionHandler<InvalidEventException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidEventException e) {
      boolean tooLarge = e.reason() == InvalidEventException.Reason.TOO_LARGE;
      ApiError body = ApiError.of(tooLarge ? "too_large" : "invalid_event", e.field(), e.rule());
      return HttpResponse.<ApiError>status(tooLarge ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.BAD_REQUEST)
          .body(body);
    }
  }

  @Produces
  @Singleton
  @Requires(classes = {ApiKeys.UnauthorizedException.class, ExceptionHandler.class})
  static class UnauthorizedHandler implements ExceptionHandler<ApiKeys.UnauthorizedException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ApiKeys.UnauthorizedException e) {
      return HttpResponse.<ApiError>unauthorized()
          .header("WWW-Authenticate", "Bearer")
          .body(ApiError.of("unauthorized", "Authorization", e.getMessage()));
    }
  }
}
