package io.watershed.ingest.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson's own URI deserializer, remembering the URIs it made. Every facet names its producer and schema by URI and
 * the OpenLineage model parses each one, but an integration sends the same few dozen in every event: parsing them
 * again and again was some 15% of the CPU of the whole parse path. A URI is immutable and depends only on its text,
 * so a remembered one is the one Jackson would make; text it rejects is never remembered and fails as before.
 */
final class KnownUris extends DelegatingDeserializer {

  /** Enough for the producers and facet schemas of many integrations; when full, start again. */
  static final int MAX_URIS = 2048;

  /** Longer text is parsed every time, so the cache stays small. */
  static final int MAX_LENGTH = 512;

  private final Map<String, URI> known;

  private KnownUris(JsonDeserializer<?> jackson, Map<String, URI> known) {
    super(jackson);
    this.known = known;
  }

  /** For the OpenLineage model's mapper. */
  static SimpleModule module() {
    JsonDeserializer<?> uris =
        new KnownUris(FromStringDeserializer.findDeserializer(URI.class), new ConcurrentHashMap<>());
    @SuppressWarnings("unchecked") // makes URIs, as the deserializer it wraps does
    JsonDeserializer<URI> typed = (JsonDeserializer<URI>) uris;
    return new SimpleModule("KnownUris").addDeserializer(URI.class, typed);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (!p.hasToken(JsonToken.VALUE_STRING)) {
      return _delegatee.deserialize(p, ctxt);
    }
    String text = p.getText();
    URI uri = known.get(text);
    if (uri == null) {
      uri = (URI) _delegatee.deserialize(p, ctxt);
      if (uri != null && text.length() <= MAX_LENGTH) {
        if (known.size() >= MAX_URIS) {
          known.clear();
        }
        known.put(text, uri);
      }
    }
    return uri;
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> jackson) {
    return new KnownUris(jackson, known);
  }
}
