package io.watershed.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed set of named sender threads, reused by every phase. */
final class Threads implements AutoCloseable {

  private final ExecutorService pool;

  Threads(String name, int count) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            count,
            r -> {
              Thread t = new Thread(r, name + "-" + n.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs the tasks concurrently and returns their results; waits at most {@code timeoutNanos}. */
  <T> List<T> runAll(List<Callable<T>> tasks, long timeoutNanos) throws InterruptedException {
    List<Future<T>> futures = pool.invokeAll(tasks, timeoutNanos, TimeUnit.NANOSECONDS);
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      if (f.isCancelled()) {
        throw new IllegalStateException("a sender did not finish within " + TimeUnit.NANOSECONDS.toSeconds(timeoutNanos) + " s");
      }
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("a sender failed", e.getCause());
      }
    }
    return out;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
