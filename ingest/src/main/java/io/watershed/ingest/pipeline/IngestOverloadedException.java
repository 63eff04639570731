package io.watershed.ingest.pipeline;

/** Too many events are waiting to be committed; the client should retry after a short pause. */
public class IngestOverloadedException extends RuntimeException {

  public IngestOverloadedException(String message) {
    super(message);
  }
}
