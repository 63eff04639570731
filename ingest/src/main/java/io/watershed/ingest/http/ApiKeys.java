package io.watershed.ingest.http;

import io.micronaut.core.annotation.Nullable;
import io.watershed.ingest.pipeline.IngestSettings;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Checks {@code Authorization: Bearer <key>} against the configured keys, when any are configured. */
@Singleton
class ApiKeys {

  private final List<byte[]> keys;

  ApiKeys(IngestSettings settings) {
    this.keys = settings.getApiKeys().stream().map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
  }

  void check(@Nullable String authorization) {
    if (keys.isEmpty()) {
      return;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedException("required: Bearer <api key>");
    }
    byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    boolean match = false;
    for (byte[] key : keys) {
      // Constant-time comparison, and no early exit, so timing does not tell how much of a key was right.
      match |= MessageDigest.isEqual(key, given);
    }
    if (!match) {
      throw new UnauthorizedException("the API key is not valid");
    }
  }

  /** Missing or wrong API key. */
  static class UnauthorizedException extends RuntimeException {
    UnauthorizedException(String rule) {
      super(rule);
    }
  }
}
