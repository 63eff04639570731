package io.watershed.graph.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * An event's JSON as its {@code Event} node stores it ({@code payload}): the UTF-8 text compressed with DEFLATE in
 * the zlib format (RFC 1950), at the fastest level. A 7.6 KB run event takes about 1.4 KB: raw events are most of
 * what the graph stores, and every byte of a new property value is encoded again in Neo4j's transaction log and
 * store, on the ingest writer's one thread. Compressed by the request's thread when the event is parsed.
 *
 * <p>Graphs written before payloads were compressed hold the JSON text itself; {@link #json(Object)} reads both.
 */
public final class EventPayload {

  private final byte[] deflated;

  private EventPayload(byte[] deflated) {
    this.deflated = deflated;
  }

  /** Compresses {@code json}. */
  public static EventPayload of(String json) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(utf8);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, utf8.length / 4));
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return new EventPayload(out.toByteArray());
    } finally {
      deflater.end();
    }
  }

  /** The JSON text. */
  public String json() {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 5);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("stored event payload is truncated");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("stored event payload is not zlib data: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  /** The JSON of a stored {@code payload} property: compressed bytes, or text written before compression. */
  public static String json(Object stored) {
    if (stored instanceof byte[] bytes) {
      return new EventPayload(bytes).json();
    }
    if (stored instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("not a stored event payload: " + (stored == null ? "null" : stored.getClass()));
  }

  /** The bytes the Event node stores. */
  byte[] stored() {
    return deflated;
  }

  /** Stored size in bytes. */
  public int size() {
    return deflated.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventPayload other && Arrays.equals(deflated, other.deflated);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(deflated);
  }

  @Override
  public String toString() {
    return "EventPayload[" + deflated.length + " bytes]";
  }
}
