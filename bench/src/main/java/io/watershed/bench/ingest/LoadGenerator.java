package io.watershed.bench.ingest;

/** Sends events to the server in phases; each call of {@link #run} is one phase. */
public interface LoadGenerator extends AutoCloseable {

  /** {@code ingest} or {@code batch}. */
  String mode();

  /** Concurrent senders. */
  int threads();

  /** Events per request. */
  int eventsPerRequest();

  /** Runs one phase until its limit and waits for its last request. */
  PhaseResult run(Limit limit) throws InterruptedException;

  @Override
  void close();
}
