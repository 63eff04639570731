package io.watershed.ingest.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of an event: SHA-256 of its JSON with object keys sorted, so the same event re-sent (even
 * re-serialized with another key order or whitespace) gets the same id and is stored once.
 */
final class CanonicalJson {

  private static final ObjectMapper SORTED =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private CanonicalJson() {}

  static String eventId(JsonNode event) {
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
      return list.stream().map(CanonicalJson::sorted).toList();
    }
    return value;
  }
}
