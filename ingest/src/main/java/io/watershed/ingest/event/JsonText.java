package io.watershed.ingest.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The JSON text of one event and of its facets, each exactly as {@link ObjectMapper#writeValueAsString} writes it
 * (compact, keys in the order sent). Facets are stored both on their own and inside the whole event, so the event is
 * written last and copies in the text of its facets instead of writing them again.
 */
final class JsonText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<JsonNode, String> written = new IdentityHashMap<>();

  /** A facet's text, kept for {@link #event}. */
  String facet(JsonNode facet) {
    String json = write(facet);
    written.put(facet, json);
    return json;
  }

  /** The whole event, with the text of its facets copied in. */
  String event(JsonNode event) {
    return write(new Reusing(event));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
    }
  }

  /** The event, written by ObjectMapper (so with its recycled buffers) the way {@link #write} says. */
  private final class Reusing extends JsonSerializable.Base {
    private final JsonNode node;

    Reusing(JsonNode node) {
      this.node = node;
    }

    @Override
    public void serialize(JsonGenerator out, SerializerProvider provider) throws IOException {
      write(node, out, provider);
    }

    @Override
    public void serializeWithType(JsonGenerator out, SerializerProvider provider, TypeSerializer types)
        throws IOException {
      serialize(out, provider);
    }
  }

  // What ObjectNode and ArrayNode#serialize do, except that a facet already written is copied in. Only objects are
  // looked up (a facet is one): an identity hash for every node would cost more than the copy saves.
  private void write(JsonNode node, JsonGenerator out, SerializerProvider provider) throws IOException {
    String known = node.isObject() ? written.get(node) : null;
    if (known != null) {
      out.writeRawValue(known);
    } else if (node.isObject()) {
      out.writeStartObject();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.writeFieldName(field.getKey());
        write(field.getValue(), out, provider);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(element, out, provider);
      }
      out.writeEndArray();
    } else {
      node.serialize(out, provider);
    }
  }
}
