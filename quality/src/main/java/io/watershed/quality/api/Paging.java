package io.watershed.quality.api;

import io.micronaut.core.annotation.Nullable;

/** List parameters of the quality API, checked the same way as the read API's. */
public final class Paging {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private Paging() {}

  public static int limit(@Nullable Integer limit) {
    int value = limit == null ? DEFAULT_LIMIT : limit;
    if (value < 1 || value > MAX_LIMIT) {
      throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return value;
  }

  public static int offset(@Nullable Integer offset) {
    int value = offset == null ? 0 : offset;
    if (value < 0) {
      throw InvalidInputException.of("offset", "must be 0 or more");
    }
    return value;
  }
}
