package io.watershed.graph.neo4j;

/**
 * The graph could not take a write for now (database down, shutting down, or a transient failure such as a deadlock
 * that retries did not clear). Nothing of the write was committed; the caller may try again later.
 */
public class GraphUnavailableException extends RuntimeException {

  public GraphUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
