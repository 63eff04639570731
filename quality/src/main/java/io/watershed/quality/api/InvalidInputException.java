package io.watershed.quality.api;

import io.watershed.api.ApiError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body or parameter that breaks rules (quality results, dbt artifacts, an SLA window). It carries every
 * problem found, each naming its field, so a client can fix a batch in one go; nothing of the request is stored.
 */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<ApiError.Problem> problems;

  public InvalidInputException(List<ApiError.Problem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public static InvalidInputException of(String field, String rule) {
    return new InvalidInputException(List.of(new ApiError.Problem(field, null, rule)));
  }

  public List<ApiError.Problem> problems() {
    return problems;
  }

  private static String describe(List<ApiError.Problem> problems) {
    return problems.stream()
        .map(p -> p.field().isEmpty() ? p.rule() : p.field() + ": " + p.rule())
        .collect(Collectors.joining("; "));
  }
}
