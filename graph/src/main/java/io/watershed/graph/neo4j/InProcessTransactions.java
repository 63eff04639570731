package io.watershed.graph.neo4j;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransactionFailureException;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.exceptions.schema.UniquePropertyValueValidationException;

/**
 * Write transactions on a database of this JVM, with the retry the driver's {@code executeWrite} gives Bolt
 * transactions: transient failures (deadlocks, lock timeouts) are retried with jittered backoff for at most
 * {@link #MAX_RETRY_TIME}; other failures roll back and surface at once.
 *
 * <p>One more failure is retried: a write that would duplicate a key. Work written with Neo4j's Java API looks a node
 * up and creates it when missing, unlike a Cypher MERGE not in one step, so a concurrent transaction may create the
 * same node in between; the retry finds it.
 */
public final class InProcessTransactions {

  /** The driver's default {@code maxTransactionRetryTime}, so both paths give up alike. */
  static final Duration MAX_RETRY_TIME = Duration.ofSeconds(30);

  private InProcessTransactions() {}

  /** Runs {@code work} on one transaction and commits it; retried as a whole on transient failures. */
  public static void writeInTransaction(GraphDatabaseService db, Consumer<Transaction> work) {
    long deadline = System.nanoTime() + MAX_RETRY_TIME.toNanos();
    long backoffMillis = 5;
    while (true) {
      try (Transaction tx = db.beginTx()) {
        work.accept(tx);
        tx.commit();
        return;
      } catch (RuntimeException e) {
        if (e instanceof DatabaseShutdownException) {
          throw new GraphUnavailableException("the embedded database is shutting down", e);
        }
        if (!isTransient(e) && !isDuplicateKey(e)) {
          throw e;
        }
        if (System.nanoTime() + backoffMillis * 1_000_000 > deadline) {
          throw new GraphUnavailableException("transient failures did not clear within " + MAX_RETRY_TIME, e);
        }
        sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis));
        backoffMillis = Math.min(backoffMillis * 2, 1000);
      }
    }
  }

  /** Deadlocks and lock timeouts: a retry of the whole transaction may succeed. */
  static boolean isTransient(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TransientFailureException) {
        return true;
      }
      if (t instanceof QueryExecutionException q && q.getStatusCode() != null
          && q.getStatusCode().startsWith("Neo.TransientError.")) {
        return true;
      }
      if (t instanceof Status.HasStatus s && s.status().code().classification() == Status.Classification.TransientError) {
        return true;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return false;
  }

  /** A write that would give two nodes the same key (unique constraint): another transaction made it first. */
  static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UniquePropertyValueValidationException) {
        return true;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return false;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransactionFailureException("interrupted while waiting to retry a write", e);
    }
  }
}
