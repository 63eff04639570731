package io.watershed.ingest.pipeline;

/** Neo4j could not be reached or asked to retry; nothing of the affected events was written. */
public class StorageUnavailableException extends RuntimeException {

  public StorageUnavailableException(Throwable cause) {
    super("the graph database is unavailable: " + cause.getMessage(), cause);
  }
}
