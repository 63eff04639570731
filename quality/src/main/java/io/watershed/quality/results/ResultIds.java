package io.watershed.quality.results;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Deterministic result ids: the same origin gives the same id, so resent results are stored once. */
final class ResultIds {

  private ResultIds() {}

  static String of(Object... parts) {
    StringBuilder key = new StringBuilder();
    for (Object part : parts) {
      key.append(part == null ? "" : part.toString()).append('\u0000');
    }
    return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }
}
