package io.watershed.quality.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The place of a value in a contract document: a list of mapping keys ({@link String}) and sequence positions
 * ({@link Integer}). Shown to authors as {@code spec.schema.columns[1].name}.
 */
record FieldPath(List<Object> segments) {

  static final FieldPath ROOT = new FieldPath(List.of());
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_$@-]+");

  FieldPath {
    segments = List.copyOf(segments);
  }

  FieldPath key(String key) {
    return append(key);
  }

  FieldPath index(int index) {
    return append(index);
  }

  FieldPath parent() {
    return segments.isEmpty() ? this : new FieldPath(segments.subList(0, segments.size() - 1));
  }

  boolean isRoot() {
    return segments.isEmpty();
  }

  /** The last key, or null when the path ends in a position or is the root. */
  String lastKey() {
    return !segments.isEmpty() && segments.get(segments.size() - 1) instanceof String key ? key : null;
  }

  private FieldPath append(Object segment) {
    List<Object> longer = new ArrayList<>(segments.size() + 1);
    longer.addAll(segments);
    longer.add(segment);
    return new FieldPath(longer);
  }

  /** Keys joined by dots, positions in brackets; keys with dots or spaces in them are quoted: {@code a["b.c"]}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (Object segment : segments) {
      if (segment instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        String key = (String) segment;
        if (PLAIN_KEY.matcher(key).matches()) {
          if (text.length() > 0) {
            text.append('.');
          }
          text.append(key);
        } else {
          text.append("[\"").append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
      }
    }
    return text.toString();
  }
}
