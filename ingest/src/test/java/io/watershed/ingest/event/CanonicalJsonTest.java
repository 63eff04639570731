package io.watershed.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event ids are stored: a resent event is recognised by its id, so an id that changed with an upgrade would store
 * the event twice. These tests hold {@link CanonicalJson#eventId} to the first implementation, kept here as {@link
 * #firstImplementation}, over the shared corpus and over the JSON corners where two serializers could disagree.
 */
class CanonicalJsonTest {

  /** The mapper of the first implementation. */
  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final EventParser parser = new EventParser();

  @Test
  void shouldGiveEveryCorpusFileTheIdOfTheFirstImplementation() {
    List<Path> files = SharedEvents.allJsonFiles();
    assertThat(files).isNotEmpty();
    SoftAssertions softly = new SoftAssertions();
    for (Path file : files) {
      JsonNode tree = parser.readTree(SharedEvents.read(file));
      softly
          .assertThat(id(CanonicalJson::eventId, tree))
          .as(file.toString())
          .isEqualTo(id(CanonicalJsonTest::firstImplementation, tree));
    }
    softly.assertAll();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Numbers: int, long and big integer ranges, and doubles whose text Jackson normalises.
        "{\"n\":[0,-0,1,-1,2147483647,2147483648,-2147483648,-2147483649]}",
        "{\"n\":[9223372036854775807,9223372036854775808,-9223372036854775808,-9223372036854775809]}",
        "{\"n\":123456789012345678901234567890123456789012345678901234567890}",
        "{\"n\":[1.0,1e10,1E10,1e+10,1.5e-7,-0.0,0.1,0.30000000000000004,100.0,1e21,1e22,123456789.123456789]}",
        "{\"n\":[3.141592653589793238462643383279502884197,2.2250738585072014E-308,4.9e-324,1.7976931348623157e308]}",
        "{\"n\":[1e400,-1e400,1e-400]}",
        // Strings and keys: non-ASCII, surrogate pairs, escapes that Jackson writes differently than they came.
        "{\"s\":\"caf\u00e9 \u65e5\u672c\u8a9e \ud83d\ude00\",\"\u00e9t\u00e9\":1,\"e\":\"\\u00e9\\ud83d\\ude00\"}",
        "{\"s\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u2028\\u2029</script>\"}",
        "{\"k\\n\\\"\\u0001\":\"v\",\"\":\"empty key\",\" \":\"space\"}",
        // Key order: String#compareTo (UTF-16 units), not code points: U+FFFF sorts after the surrogates of U+1F600.
        "{\"\uffff\":1,\"\ud83d\ude00\":2,\"b\":3,\"B\":4,\"a\":5,\"aa\":6,\"a.b\":7,\"a_b\":8,\"10\":9,\"9\":10}",
        // Structure: nesting, empty containers, nulls, booleans, duplicate keys (the last one counts).
        "{\"a\":[{\"z\":1,\"y\":[{\"x\":[],\"w\":{}}]},[],[[{}]],null,true,false],\"o\":{},\"l\":[]}",
        "{\"n\":null,\"t\":true,\"f\":false,\"d\":1,\"d\":2}",
        "[{\"b\":1,\"a\":2},{\"d\":[3,{\"f\":4,\"e\":5}],\"c\":null}]",
        "{}",
        "[]",
        "\"just a string\"",
        "42",
        "null",
        "{\"\\ud83d\\ude00\":\"an escaped surrogate pair as a key\"}",
        // Broken text: an unpaired surrogate in a value parses (in a key it does not), and Jackson writes it as it is.
        "{\"s\":\"\\ud800\"}"
      })
  void shouldGiveEdgeCasesTheIdOfTheFirstImplementation(String json) {
    JsonNode tree = parser.readTree(json.getBytes(StandardCharsets.UTF_8));
    assertThat(id(CanonicalJson::eventId, tree)).isEqualTo(id(CanonicalJsonTest::firstImplementation, tree));
  }

  @Test
  void shouldKeepTheIdsAlreadyStored() {
    // Computed once with the first implementation: guards against both implementations drifting together (say, a
    // Jackson upgrade that writes doubles differently).
    String event =
        "{\"producer\":\"p://x\",\"eventTime\":\"2026-01-01T00:00:00Z\","
            + "\"dataset\":{\"namespace\":\"ns\",\"name\":\"n\","
            + "\"facets\":{\"x\":{\"d\":[1.0,1e10,-0.0,0.1],\"i\":[1,9223372036854775808],\"s\":\"\\u00e9\\n\"}}}}";
    assertThat(CanonicalJson.eventId(parser.readTree(event.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("49cc9bf0ff16ea983b8bebe5bd5738f49ad319c21c16ac27b230b81fe5c92d96");
  }

  /** The id, or the failure, so that both implementations are also held to failing alike. */
  private static String id(Function<JsonNode, String> implementation, JsonNode tree) {
    try {
      return implementation.apply(tree);
    } catch (IllegalStateException e) {
      return "failed: " + e.getMessage();
    }
  }

  /** {@code CanonicalJson.eventId} as first written (tree to maps, sorted copies, bytes, SHA-256). Do not change. */
  private static String firstImplementation(JsonNode event) {
    try {
      Object plain = SORTED.treeToValue(event, Object.class);
      byte[] bytes = SORTED.writeValueAsBytes(sorted(plain));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash an event that was just parsed", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, sorted(v)));
      return out;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(CanonicalJsonTest::sorted).toList();
    }
    return value;
  }
}
