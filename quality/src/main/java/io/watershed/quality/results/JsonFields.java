package io.watershed.quality.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.watershed.api.ApiError;
import io.watershed.quality.api.InvalidInputException;
import io.watershed.quality.contract.DatasetRef;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads fields of a JSON request and collects every problem with its path ({@code results[2].time}), so that a
 * request is answered with all its problems at once and nothing is stored unless all is well.
 */
final class JsonFields {

  static final int MAX_TEXT = 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ApiError.Problem> problems = new ArrayList<>();

  static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw InvalidInputException.of("", "the body is empty; expected a JSON object");
    }
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw InvalidInputException.of("", "must be a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw InvalidInputException.of("", "is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw InvalidInputException.of("", "cannot be read: " + e.getMessage());
    }
  }

  void problem(String field, String rule) {
    problems.add(new ApiError.Problem(field, null, rule));
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  int problemCount() {
    return problems.size();
  }

  /** Throws with every problem found so far, if any. */
  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  /** Reports keys of {@code node} that are not in {@code known} (a typo must not be ignored silently). */
  void onlyKnownKeys(JsonNode node, String path, Set<String> known) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problem(join(path, name), "is not a known field; known fields are " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  @Nullable
  String text(JsonNode node, String path, String key, boolean required) {
    JsonNode value = node.get(key);
    String field = join(path, key);
    if (value == null || value.isNull()) {
      if (required) {
        problem(field, "is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      problem(field, "must be a text");
      return null;
    }
    String text = value.asText();
    if (text.isBlank()) {
      problem(field, "must not be empty");
      return null;
    }
    if (text.length() > MAX_TEXT) {
      problem(field, "must be at most " + MAX_TEXT + " characters");
      return null;
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      problem(field, "must not contain control characters");
      return null;
    }
    return text;
  }

  @Nullable
  Boolean bool(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    String field = join(path, key);
    if (value == null || value.isNull()) {
      problem(field, "is required");
      return null;
    }
    if (!value.isBoolean()) {
      problem(field, "must be true or false");
      return null;
    }
    return value.asBoolean();
  }

  @Nullable
  Double number(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
      problem(join(path, key), "must be a finite number");
      return null;
    }
    return value.asDouble();
  }

  @Nullable
  Instant time(JsonNode node, String path, String key) {
    String text = text(node, path, key, true);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      problem(join(path, key), "must be an ISO-8601 date-time with an offset, e.g. 2026-11-21T10:00:00Z");
      return null;
    }
  }

  /** A {@code {"namespace": ..., "name": ...}} object. */
  @Nullable
  DatasetRef dataset(JsonNode node, String path, String key) {
    JsonNode value = node.get(key);
    String field = join(path, key);
    if (value == null || value.isNull()) {
      problem(field, "is required");
      return null;
    }
    if (!value.isObject()) {
      problem(field, "must be an object {\"namespace\": ..., \"name\": ...}");
      return null;
    }
    onlyKnownKeys(value, field, Set.of("namespace", "name"));
    String namespace = text(value, field, "namespace", true);
    String name = text(value, field, "name", true);
    return datasetRef(namespace, name, field);
  }

  @Nullable
  DatasetRef datasetRef(@Nullable String namespace, @Nullable String name, String field) {
    if (namespace == null || name == null) {
      return null;
    }
    try {
      return new DatasetRef(namespace, name);
    } catch (IllegalArgumentException e) {
      problem(field, e.getMessage());
      return null;
    }
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
