package io.watershed.alerts.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * Conversions between Java values and what the alerts module stores in Neo4j: times as UTC {@code DATETIME}, small
 * maps and lists of strings as JSON text (Neo4j properties cannot hold maps).
 */
public final class GraphValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GraphValues() {}

  /** An instant as a Cypher parameter (a UTC DATETIME); null stays null. */
  @Nullable
  public static ZonedDateTime time(@Nullable Instant instant) {
    return instant == null ? null : instant.atZone(ZoneOffset.UTC);
  }

  /** A stored DATETIME, or null. */
  @Nullable
  public static Instant instant(@Nullable Value value) {
    return value == null || value.isNull() ? null : value.asZonedDateTime().toInstant();
  }

  @Nullable
  public static String text(@Nullable Value value) {
    return value == null || value.isNull() ? null : value.asString();
  }

  public static String text(@Nullable Value value, String fallback) {
    String text = text(value);
    return text == null ? fallback : text;
  }

  public static List<String> strings(@Nullable Value value) {
    return value == null || value.isNull() ? List.of() : value.asList(Value::asString);
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON object of strings, in its order; unreadable text gives an empty map. */
  public static Map<String, String> stringMap(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return Collections.unmodifiableMap(JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {}));
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** A JSON list of strings; unreadable text gives an empty list. */
  public static List<String> stringList(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(json, new TypeReference<List<String>>() {}));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The shared mapper, for callers that read richer JSON (routes, stored notifications). */
  public static ObjectMapper mapper() {
    return JSON;
  }
}
