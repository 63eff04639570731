package io.watershed.ingest.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The identity of an event: SHA-256 of its JSON with object keys sorted, so the same event re-sent (even
 * re-serialized with another key order or whitespace) gets the same id and is stored once.
 *
 * <p>Ids are stored, so these bytes must never change: compact UTF-8 JSON as Jackson writes it, keys in {@link
 * String#compareTo} order, scalars exactly as parsed (see CanonicalJsonTest, which pins them to the first
 * implementation). The tree is streamed into the digest, with no copy of the event on the way.
 */
final class CanonicalJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CanonicalJson() {}

  static String eventId(JsonNode event) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    try (JsonGenerator out = JSON.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
      write(event, out, JSON.getSerializerProviderInstance());
    } catch (IOException e) {
      throw new IllegalStateException("cannot hash an event that was just parsed", e);
    }
    return HexFormat.of().formatHex(sha256.digest());
  }

  private static void write(JsonNode node, JsonGenerator out, SerializerProvider provider) throws IOException {
    if (node.isObject()) {
      String[] keys = new String[node.size()];
      Iterator<String> names = node.fieldNames();
      for (int i = 0; i < keys.length; i++) {
        keys[i] = names.next();
      }
      Arrays.sort(keys);
      out.writeStartObject();
      for (String key : keys) {
        out.writeFieldName(key);
        write(node.get(key), out, provider);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(element, out, provider);
      }
      out.writeEndArray();
    } else {
      node.serialize(out, provider); // a scalar writes itself as parsed: 1.0 stays 1.0, a long stays a long
    }
  }
}
