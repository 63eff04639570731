package io.watershed.alerts.alert;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that runs the alert engine's steps on this replica, in arrival order. Event publishers (the ingest
 * writer) hand work over and return at once; a full queue drops the batch with an error log rather than block the
 * writer (the periodic sweep still resolves what is open; see docs/alerts.md).
 */
@Singleton
@Requires(property = "watershed.alerts.enabled", notEquals = "false")
public class AlertWorkQueue {

  private static final Logger LOG = LoggerFactory.getLogger(AlertWorkQueue.class);

  private final ThreadPoolExecutor executor;

  public AlertWorkQueue(AlertsSettings settings) {
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(settings.queueCapacity()),
            r -> {
              Thread t = new Thread(r, "alert-engine");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs {@code work} on the engine thread; never blocks. {@code what} names it in logs. Returns false when the work
   * was dropped (queue full or stopped).
   */
  public boolean submit(String what, Runnable work) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.error("Alert engine step failed: {}", what, e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      LOG.error("Alert engine queue is full or stopped; dropped: {}", what);
      return false;
    }
  }

  @PreDestroy
  public void stop() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
