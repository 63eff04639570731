package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a document against the ODCS v3.1 JSON Schema bundled in {@code odcs/} (a copy, see its NOTICE: the server
 * must not read reference material at run time). Schema errors come back as problems on the document's lines.
 */
final class OdcsSchemaValidator {

  static final String SCHEMA_RESOURCE = "/odcs/odcs-json-schema-v3.1.0.json";

  // Compiling the 86 KB schema takes a moment; do it once per JVM, on first use. JsonSchema is thread-safe.
  private static final class Holder {
    static final JsonSchema SCHEMA = load();
    // Every property name ODCS declares anywhere; see isEcho.
    static final Set<String> DECLARED = declaredNames(SCHEMA.getSchemaNode());
  }

  List<ContractProblem> validate(SourceDocument document) {
    List<ValidationMessage> messages = new ArrayList<>(Holder.SCHEMA.validate(document.root()));
    List<ContractProblem> problems = new ArrayList<>();
    Map<JsonNodePath, List<ValidationMessage>> typeErrors = new LinkedHashMap<>();
    for (ValidationMessage message : messages) {
      if (isEcho(message, messages)) {
        continue;
      }
      if ("type".equals(message.getType())) {
        typeErrors.computeIfAbsent(message.getInstanceLocation(), location -> new ArrayList<>()).add(message);
      } else {
        problems.add(toProblem(document, message));
      }
    }
    typeErrors.forEach((location, errors) -> problems.add(typeProblem(document, location, errors)));
    return problems.stream().sorted(ContractProblem.ORDER).distinct().toList();
  }

  /**
   * Whether a message only echoes another one. When a branch of ODCS's {@code oneOf}/{@code if-then} fails, the
   * validator also reports (a) the {@code oneOf} itself and the type the other branch wanted, and (b) every property
   * that branch would have accepted as "unevaluated". Authors need the specific error, not the echoes. A property
   * that no part of ODCS declares is never an echo: it is a real unknown key (a typo).
   */
  private static boolean isEcho(ValidationMessage message, List<ValidationMessage> all) {
    String type = String.valueOf(message.getType());
    JsonNodePath location = message.getInstanceLocation();
    return switch (type) {
      case "oneOf", "anyOf", "type" -> all.stream().anyMatch(other -> isBelow(other.getInstanceLocation(), location));
      case "unevaluatedProperties", "additionalProperties" -> Holder.DECLARED.contains(message.getProperty())
          && all.stream().anyMatch(other -> other != message && !isUnevaluated(other)
              && other.getInstanceLocation().startsWith(owner(message)));
      default -> false;
    };
  }

  private static boolean isUnevaluated(ValidationMessage message) {
    String type = String.valueOf(message.getType());
    return type.equals("unevaluatedProperties") || type.equals("additionalProperties");
  }

  /** The object an unevaluated property belongs to (the validator may point at the object or at the property). */
  private static JsonNodePath owner(ValidationMessage message) {
    JsonNodePath location = message.getInstanceLocation();
    int count = location.getNameCount();
    boolean atProperty = count > 0 && String.valueOf(location.getElement(count - 1)).equals(message.getProperty());
    return atProperty ? location.getParent() : location;
  }

  private static boolean isBelow(JsonNodePath candidate, JsonNodePath ancestor) {
    return candidate.getNameCount() > ancestor.getNameCount() && candidate.startsWith(ancestor);
  }

  private static ContractProblem toProblem(SourceDocument document, ValidationMessage message) {
    FieldPath path = fieldPath(message.getInstanceLocation());
    String type = message.getType() == null ? "" : message.getType();
    String property = message.getProperty();
    String rule;
    switch (type) {
      case "required" -> {
        path = path.key(property);
        rule = "is required";
      }
      case "additionalProperties", "unevaluatedProperties" -> {
        if (property != null && !property.equals(path.lastKey())) {
          path = path.key(property);
        }
        rule = "is not a field ODCS v3.1 allows here";
      }
      default -> rule = sentence(message);
    }
    return document.problem(path, rule);
  }

  /**
   * One problem for all type errors at one place: a value allowed several types ({@code anyOf}) fails once per
   * type, and "must be one of the types boolean, null, string; found array" says it in one sentence.
   */
  private static ContractProblem typeProblem(
      SourceDocument document, JsonNodePath location, List<ValidationMessage> errors) {
    if (errors.size() == 1) {
      return document.problem(fieldPath(location), sentence(errors.get(0)));
    }
    Set<String> expected = new TreeSet<>();
    String found = "another type";
    for (ValidationMessage error : errors) {
      Object[] arguments = error.getArguments();
      if (arguments != null && arguments.length >= 2) {
        found = String.valueOf(arguments[0]);
        expected.add(String.valueOf(arguments[1]));
      }
    }
    return document.problem(fieldPath(location),
        "must be one of the types " + String.join(", ", expected) + "; found " + found);
  }

  /** The validator's message without the location it starts with ("/schema/0: must be ..."). */
  private static String sentence(ValidationMessage message) {
    String text = message.getError() != null ? message.getError() : message.getMessage();
    String location = message.getInstanceLocation().toString();
    if (text.startsWith(location + ": ")) {
      text = text.substring(location.length() + 2);
    }
    if (text.startsWith(": ")) {
      text = text.substring(2);
    }
    return text.isEmpty() ? "does not match the ODCS v3.1 schema" : text;
  }

  private static FieldPath fieldPath(JsonNodePath location) {
    FieldPath path = FieldPath.ROOT;
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path = element instanceof Integer index ? path.index(index) : path.key(String.valueOf(element));
    }
    return path;
  }

  private static Set<String> declaredNames(JsonNode schema) {
    Set<String> names = new HashSet<>();
    collectDeclared(schema, names);
    return Set.copyOf(names);
  }

  private static void collectDeclared(JsonNode node, Set<String> names) {
    if (node.isObject()) {
      JsonNode properties = node.get("properties");
      if (properties != null && properties.isObject()) {
        properties.fieldNames().forEachRemaining(names::add);
      }
    }
    node.forEach(child -> collectDeclared(child, names));
  }

  private static JsonSchema load() {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .pathType(PathType.JSON_POINTER)
        .locale(Locale.ENGLISH)
        .build();
    try (InputStream schema = OdcsSchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (schema == null) {
        throw new IllegalStateException("ODCS JSON Schema missing from the classpath: " + SCHEMA_RESOURCE);
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
