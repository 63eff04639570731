package io.watershed.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The one error body every Watershed endpoint returns: a stable code, the field at fault (a path such as
 * {@code run.runId}, empty when the whole body is at fault) and the rule it broke, plus both in one sentence. When a
 * request breaks several rules at once (a contract, a batch of results), {@code problems} lists every one of them and
 * {@code field}/{@code rule} repeat the first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
    String error,
    @Nullable String field,
    @Nullable String rule,
    String message,
    @Nullable List<Problem> problems) {

  public ApiError {
    problems = problems == null ? null : List.copyOf(problems);
  }

  public ApiError(String error, @Nullable String field, @Nullable String rule, String message) {
    this(error, field, rule, message, null);
  }

  public static ApiError of(String error, @Nullable String field, String rule) {
    String message = field == null || field.isEmpty() ? rule : field + ": " + rule;
    return new ApiError(error, field, rule, message);
  }

  public static ApiError message(String error, String message) {
    return new ApiError(error, null, null, message);
  }

  /** Every problem of a request; field and rule of the body name the first. */
  public static ApiError problems(String error, String message, List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("at least one problem");
    }
    Problem first = problems.get(0);
    return new ApiError(error, first.field(), first.rule(), message, problems);
  }

  /**
   * One rule a request broke.
   *
   * @param line the 1-based line of the field in a text document (a contract), null where lines do not apply
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Problem(String field, @Nullable Integer line, String rule) {}
}
