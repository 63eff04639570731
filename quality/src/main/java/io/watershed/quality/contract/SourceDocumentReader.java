package io.watershed.quality.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a {@link SourceDocument}, walking Jackson's token stream so that the line of every key
 * and item is kept. It also refuses what Jackson would let through silently: a key written twice (the second would
 * win), YAML aliases (Jackson returns the alias name as a string), and a second YAML document in the same text.
 */
final class SourceDocumentReader {

  /** Deeper nesting than this is not a contract; the limit keeps a hostile document from exhausting the stack. */
  static final int MAX_NESTING_DEPTH = 64;

  private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
      .maxNestingDepth(MAX_NESTING_DEPTH)
      .maxStringLength(ContractParser.MAX_DOCUMENT_BYTES)
      .build();
  private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  private static final YAMLFactory YAML = yamlFactory();

  private final List<ContractProblem> problems = new ArrayList<>();
  private final Map<FieldPath, Integer> lines = new HashMap<>();
  private boolean yaml;

  private SourceDocumentReader() {}

  /**
   * @throws ContractValidationException when the text is empty, too big, not well-formed, not a single mapping, or
   *     repeats a key
   */
  static SourceDocument read(String text) {
    return new SourceDocumentReader().readDocument(text);
  }

  private SourceDocument readDocument(String text) {
    ContractParser.checkSize(text);
    if (text.isBlank()) {
      throw ContractValidationException.of("", 0, "is empty");
    }
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    yaml = !looksLikeJson(body);
    JsonFactory factory = yaml ? YAML : JSON;
    JsonNode root;
    try (JsonParser parser = factory.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL
          || (first == JsonToken.VALUE_STRING && parser.getText().isEmpty())) {
        // No content at all, or YAML's empty document ("---" and comments only), which Jackson reports as a null
        // or an empty string depending on its settings.
        throw ContractValidationException.of("", 0, "is empty");
      }
      if (first != JsonToken.START_OBJECT) {
        throw ContractValidationException.of("", line(parser.currentTokenLocation()),
            "must be a mapping of keys to values at the top level");
      }
      root = readValue(parser, FieldPath.ROOT);
      if (parser.nextToken() != null) {
        problems.add(new ContractProblem("", line(parser.currentTokenLocation()),
            "must hold exactly one " + (yaml ? "YAML document" : "JSON object") + "; found more after the first"));
      }
    } catch (JsonProcessingException e) {
      problems.add(syntaxProblem(e));
      throw new ContractValidationException(problems);
    } catch (IOException e) {
      // Reading from a String cannot fail for I/O reasons; anything else is a bug worth surfacing loudly.
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new ContractValidationException(problems);
    }
    return new SourceDocument(text, (ObjectNode) root, lines);
  }

  private JsonNode readValue(JsonParser parser, FieldPath path) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT:
        return readObject(parser, path);
      case START_ARRAY:
        return readArray(parser, path);
      case VALUE_STRING:
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
          problems.add(new ContractProblem(path.toString(), line(parser.currentTokenLocation()),
              "uses the YAML alias *" + parser.getText() + "; aliases are not supported in contracts, "
                  + "write the value out"));
        }
        return JsonNodeFactory.instance.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return switch (parser.getNumberType()) {
          case INT -> JsonNodeFactory.instance.numberNode(parser.getIntValue());
          case LONG -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
          default -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        // Exact decimals keep a value as written: version 1.10 stays "1.10", 99.9 stays 99.9 (not 99.90000000000001).
        // YAML's .inf and .nan fail here and are reported as malformed numbers, which in a contract they are.
        return DecimalNode.valueOf(parser.getDecimalValue());
      case VALUE_TRUE:
        return JsonNodeFactory.instance.booleanNode(true);
      case VALUE_FALSE:
        return JsonNodeFactory.instance.booleanNode(false);
      case VALUE_NULL:
        return JsonNodeFactory.instance.nullNode();
      default:
        // Binary (!!binary) and other embedded values have no place in a contract.
        problems.add(new ContractProblem(path.toString(), line(parser.currentTokenLocation()),
            "holds a value of an unsupported kind (" + token + ")"));
        return JsonNodeFactory.instance.nullNode();
    }
  }

  private ObjectNode readObject(JsonParser parser, FieldPath path) throws IOException {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    if (path.isRoot()) {
      lines.put(path, line(parser.currentTokenLocation()));
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      FieldPath child = path.key(key);
      int keyLine = line(parser.currentTokenLocation());
      parser.nextToken();
      JsonNode value = readValue(parser, child);
      if (object.has(key)) {
        problems.add(new ContractProblem(child.toString(), keyLine,
            "is written twice in the same mapping (first on line " + lines.get(child) + ")"));
        continue;
      }
      lines.put(child, keyLine);
      object.set(key, value);
    }
    return object;
  }

  private ArrayNode readArray(JsonParser parser, FieldPath path) throws IOException {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      FieldPath child = path.index(index++);
      lines.put(child, line(parser.currentTokenLocation()));
      array.add(readValue(parser, child));
    }
    return array;
  }

  private ContractProblem syntaxProblem(JsonProcessingException e) {
    // SnakeYAML knows the problem and its place better than Jackson's wrapper, whose first line is only the context
    // ("while parsing a flow sequence").
    if (e.getCause() instanceof MarkedYAMLException yamlError && yamlError.getProblemMark() != null) {
      String context = yamlError.getContext() == null ? "" : " (" + yamlError.getContext() + ")";
      return new ContractProblem("", yamlError.getProblemMark().getLine() + 1,
          "is not valid YAML: " + yamlError.getProblem() + context);
    }
    return new ContractProblem("", line(e.getLocation()),
        "is not valid " + (yaml ? "YAML" : "JSON") + ": " + firstLine(e.getOriginalMessage()));
  }

  private static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : Math.max(0, location.getLineNr());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML counts code points; our limit is in bytes and is checked first, so this is only a backstop.
    options.setCodePointLimit(ContractParser.MAX_DOCUMENT_BYTES + 1);
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both lines
    options.setNestingDepthLimit(MAX_NESTING_DEPTH);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(CONSTRAINTS).build();
  }
}
