package io.watershed.alerts.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One field of a stored schema ({@code DatasetVersion.schema}: a JSON list of {@code {name, type, description}}). */
public record SchemaField(String name, @Nullable String type) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The fields of a stored schema; an unreadable schema has none. */
  public static List<SchemaField> parseList(@Nullable String json) {
    List<SchemaField> out = new ArrayList<>();
    if (json == null) {
      return out;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return out;
    }
    if (root == null || !root.isArray()) {
      return out;
    }
    for (JsonNode f : root) {
      JsonNode name = f.get("name");
      if (name != null && name.isTextual() && !name.asText().isEmpty()) {
        JsonNode type = f.get("type");
        out.add(new SchemaField(name.asText(), type == null || !type.isTextual() ? null : type.asText()));
      }
    }
    return out;
  }

  /** Types compare without case and surrounding blanks ({@code varchar} = {@code VARCHAR}). */
  static String normalType(@Nullable String type) {
    return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
  }
}
