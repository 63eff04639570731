package io.watershed.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.neo4j.driver.Value;

/**
 * Conversions between Java values and what Neo4j stores: times as UTC {@code DATETIME}s, lists of strings as JSON
 * text (as docs/graph-model.md says for every JSON property).
 */
public final class GraphValues {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private GraphValues() {}

  public static @Nullable ZonedDateTime time(@Nullable Instant instant) {
    return instant == null ? null : instant.atZone(ZoneOffset.UTC);
  }

  public static @Nullable Instant instant(Value value) {
    return value == null || value.isNull() ? null : value.asZonedDateTime().toInstant();
  }

  public static @Nullable String string(Value value) {
    return value == null || value.isNull() ? null : value.asString();
  }

  public static @Nullable Long longValue(Value value) {
    return value == null || value.isNull() ? null : value.asLong();
  }

  public static @Nullable Double doubleValue(Value value) {
    return value == null || value.isNull() ? null : value.asDouble();
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  public static List<String> stringList(Value value) {
    if (value == null || value.isNull()) {
      return List.of();
    }
    try {
      return JSON.readValue(value.asString(), STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored value is not a JSON list of strings: " + value, e);
    }
  }
}
