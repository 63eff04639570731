package io.watershed.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;

/**
 * The one error body every Watershed endpoint returns: a stable code, the field at fault (a path such as
 * {@code run.runId}, empty when the whole body is at fault) and the rule it broke, plus both in one sentence.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, @Nullable String field, @Nullable String rule, String message) {

  public static ApiError of(String error, @Nullable String field, String rule) {
    String message = field == null || field.isEmpty() ? rule : field + ": " + rule;
    return new ApiError(error, field, rule, message);
  }

  public static ApiError message(String error, String message) {
    return new ApiError(error, null, null, message);
  }
}
