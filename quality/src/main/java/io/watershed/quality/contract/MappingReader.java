package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one mapping with a fixed set of keys, reporting every unknown key and every value of the wrong kind to
 * {@link Problems} instead of stopping. Getters return null when a value is absent or unusable (the problem is then
 * already recorded), so a parser reads straight through and checks the collected problems at the end.
 *
 * <p>A key written with no value ({@code description:}) counts as absent.
 */
final class MappingReader {

  private final Problems problems;
  private final FieldPath path;
  private final ObjectNode node;

  private MappingReader(Problems problems, FieldPath path, ObjectNode node, Set<String> keys) {
    this.problems = problems;
    this.path = path;
    this.node = node;
    for (Iterator<String> names = node.fieldNames(); keys != null && names.hasNext(); ) {
      String name = names.next();
      if (!keys.contains(name)) {
        problems.add(path.key(name), KeySuggestions.unknownKey(name, keys));
      }
    }
  }

  /** A reader for a value that must be a mapping; null (with a problem recorded) when it is not. */
  static MappingReader of(Problems problems, FieldPath path, JsonNode value, Set<String> keys) {
    if (value instanceof ObjectNode object) {
      return new MappingReader(problems, path, object, keys);
    }
    problems.add(path, "must be a mapping of keys to values, not " + describe(value));
    return null;
  }

  /** A reader for a mapping whose keys are data (column names), so none is unknown. */
  static MappingReader open(Problems problems, FieldPath path, JsonNode value) {
    if (value instanceof ObjectNode object) {
      return new MappingReader(problems, path, object, null);
    }
    problems.add(path, "must be a mapping of keys to values, not " + describe(value));
    return null;
  }

  FieldPath path() {
    return path;
  }

  FieldPath path(String key) {
    return path.key(key);
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  JsonNode get(String key) {
    return has(key) ? node.get(key) : null;
  }

  /** Records "is required" when the key is absent; returns whether it is present. */
  boolean require(String key) {
    if (!node.has(key)) {
      problems.add(path.key(key), "is required");
      return false;
    }
    if (node.get(key).isNull()) {
      problems.add(path.key(key), "is required and must have a value");
      return false;
    }
    return true;
  }

  /** A non-blank string, stripped; null when absent or not a string. */
  String text(String key, boolean required) {
    if (required ? !require(key) : !has(key)) {
      return null;
    }
    return text(problems, path.key(key), node.get(key));
  }

  /** A string or a number written as is ({@code version: 1.0}); null when absent. */
  String scalarText(String key, boolean required) {
    if (required ? !require(key) : !has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (value.isNumber()) {
      return value.asText();
    }
    return text(problems, path.key(key), value);
  }

  /** A nested mapping with its own keys; null when absent or not a mapping. */
  MappingReader mapping(String key, boolean required, Set<String> keys) {
    if (required ? !require(key) : !has(key)) {
      return null;
    }
    return of(problems, path.key(key), node.get(key), keys);
  }

  /** The items of a sequence; null when absent or not a sequence. */
  List<JsonNode> sequence(String key, boolean required) {
    if (required ? !require(key) : !has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isArray()) {
      problems.add(path.key(key), "must be a list, not " + describe(value));
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** One string or a list of strings ({@code owner: a} or {@code owner: [a, b]}); null when absent or wrong. */
  List<String> textList(String key, boolean required) {
    if (required ? !require(key) : !has(key)) {
      return null;
    }
    return textList(problems, path.key(key), node.get(key));
  }

  /** A whole number; null when absent or not whole. */
  Long wholeNumber(String key, String rule) {
    if (!has(key)) {
      return null;
    }
    JsonNode value = node.get(key);
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problems.add(path.key(key), rule);
      return null;
    }
    return value.longValue();
  }

  /** true or false; {@code fallback} when absent. */
  boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    JsonNode value = node.get(key);
    if (!value.isBoolean()) {
      problems.add(path.key(key), "must be true or false");
      return fallback;
    }
    return value.booleanValue();
  }

  /** The entries of this mapping, in document order. */
  List<Map.Entry<String, JsonNode>> entries() {
    return List.copyOf(node.properties());
  }

  static String text(Problems problems, FieldPath path, JsonNode value) {
    if (!value.isTextual()) {
      problems.add(path, "must be a text, not " + describe(value));
      return null;
    }
    String text = value.textValue().strip();
    if (text.isEmpty()) {
      problems.add(path, "must not be empty");
      return null;
    }
    return text;
  }

  static List<String> textList(Problems problems, FieldPath path, JsonNode value) {
    if (value.isTextual()) {
      String text = text(problems, path, value);
      return text == null ? null : List.of(text);
    }
    if (!value.isArray()) {
      problems.add(path, "must be a text or a list of texts, not " + describe(value));
      return null;
    }
    if (value.isEmpty()) {
      problems.add(path, "must not be an empty list");
      return null;
    }
    List<String> texts = new ArrayList<>();
    int before = problems.count();
    for (int i = 0; i < value.size(); i++) {
      String text = text(problems, path.index(i), value.get(i));
      if (text != null) {
        if (texts.contains(text)) {
          problems.add(path.index(i), "repeats '" + text + "'");
        } else {
          texts.add(text);
        }
      }
    }
    return problems.count() == before ? texts : null;
  }

  static String describe(JsonNode value) {
    if (value == null || value.isNull()) {
      return "nothing";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "the text '" + abbreviate(value.textValue()) + "'";
    }
    if (value.isBoolean()) {
      return "the boolean " + value.asText();
    }
    return "the number " + value.asText();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
