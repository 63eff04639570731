package io.watershed.quality.api;

/** A request body over its limit; refused before it is parsed (413). */
public class InputTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InputTooLargeException(long bytes, long limit) {
    super("the body is " + bytes + " bytes; this endpoint accepts at most " + limit + " bytes");
  }

  /** Throws when {@code body} is longer than {@code limit}. */
  public static void check(byte[] body, long limit) {
    if (body != null && body.length > limit) {
      throw new InputTooLargeException(body.length, limit);
    }
  }
}
