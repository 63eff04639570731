package io.watershed.server.errors;

/** Checks list parameters the same way everywhere. */
public final class Paging {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private Paging() {}

  public static int limit(Integer limit) {
    int value = limit == null ? DEFAULT_LIMIT : limit;
    if (value < 1 || value > MAX_LIMIT) {
      throw new BadParameterException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return value;
  }

  public static int offset(Integer offset) {
    int value = offset == null ? 0 : offset;
    if (value < 0) {
      throw new BadParameterException("offset", "must be 0 or more");
    }
    return value;
  }
}
