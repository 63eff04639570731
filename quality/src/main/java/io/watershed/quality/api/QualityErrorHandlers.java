package io.watershed.quality.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.watershed.api.ApiError;
import io.watershed.quality.contract.ContractProblem;
import io.watershed.quality.contract.ContractValidationException;
import jakarta.inject.Singleton;
import java.util.List;

/** One handler per error family of the quality API; every body is an {@link ApiError}. */
final class QualityErrorHandlers {

  private QualityErrorHandlers() {}

  /** 400: a contract that is not acceptable, with every problem and its line. */
  @Produces
  @Singleton
  static class InvalidContract implements ExceptionHandler<ContractValidationException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ContractValidationException e) {
      List<ApiError.Problem> problems =
          e.problems().stream().map(InvalidContract::problem).toList();
      return HttpResponse.badRequest(ApiError.problems("invalid_contract", e.getMessage(), problems));
    }

    private static ApiError.Problem problem(ContractProblem p) {
      return new ApiError.Problem(p.field(), p.line() > 0 ? p.line() : null, p.rule());
    }
  }

  /** 400: quality results, dbt artifacts or a parameter that break a rule. */
  @Produces
  @Singleton
  static class InvalidInput implements ExceptionHandler<InvalidInputException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InvalidInputException e) {
      return HttpResponse.badRequest(ApiError.problems("invalid_input", e.getMessage(), e.problems()));
    }
  }

  /** 413: a body over its endpoint's limit. */
  @Produces
  @Singleton
  static class TooLarge implements ExceptionHandler<InputTooLargeException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, InputTooLargeException e) {
      return HttpResponse.<ApiError>status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
          .body(ApiError.of("too_large", "", e.getMessage()));
    }
  }

  /** 404: no such data product. */
  @Produces
  @Singleton
  static class NotFound implements ExceptionHandler<ProductNotFoundException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ProductNotFoundException e) {
      return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(ApiError.message("not_found", e.getMessage()));
    }
  }

  /** 409: the product is managed elsewhere (a contract file). */
  @Produces
  @Singleton
  static class Conflict implements ExceptionHandler<ProductConflictException, HttpResponse<ApiError>> {
    @Override
    public HttpResponse<ApiError> handle(HttpRequest request, ProductConflictException e) {
      return HttpResponse.<ApiError>status(HttpStatus.CONFLICT).body(ApiError.message("conflict", e.getMessage()));
    }
  }
}
