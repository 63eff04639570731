package io.watershed.ingest.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Decides which queued events share the next transaction: the first waiting event, everything queued behind it, and
 * what arrives while more keeps arriving: the batch closes when {@code max-transaction-events} are in it, when no
 * event arrived for {@code transaction-quiet-period}, or {@code max-transaction-wait} after the first event was taken,
 * whichever comes first.
 *
 * <p>Why the quiet period: under closed-loop load (producers that each wait for their answer) the answers of one
 * transaction bring the next requests back within a millisecond or two of each other. Waiting the whole
 * {@code max-transaction-wait} after the last of them only delays everyone; stopping once the arrivals pause keeps
 * the transaction as large and starts it sooner. A quiet period of 0 waits the whole {@code max-transaction-wait}.
 */
final class GroupCommitBatcher<T> {

  private final BlockingQueue<T> queue;
  private final int max;
  private final long maxWaitNanos;
  private final long quietNanos;

  GroupCommitBatcher(BlockingQueue<T> queue, int maxEvents, Duration maxWait, Duration quietPeriod) {
    this.queue = queue;
    this.max = Math.max(1, maxEvents);
    this.maxWaitNanos = Math.max(0, maxWait.toNanos());
    this.quietNanos = Math.max(0, quietPeriod.toNanos());
  }

  /**
   * The next transaction's events; empty when none arrived within {@code idle}, so the caller can look at {@code
   * closed} again. Once {@code closed} is true it takes only what is already queued.
   */
  List<T> next(Duration idle, BooleanSupplier closed) throws InterruptedException {
    T first = queue.poll(idle.toNanos(), TimeUnit.NANOSECONDS);
    if (first == null) {
      return List.of();
    }
    List<T> batch = new ArrayList<>(Math.min(max, 64));
    batch.add(first);
    queue.drainTo(batch, max - batch.size());
    long deadline = System.nanoTime() + maxWaitNanos;
    while (batch.size() < max && !closed.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      T next = queue.poll(quietNanos > 0 ? Math.min(left, quietNanos) : left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
      queue.drainTo(batch, max - batch.size());
    }
    return batch;
  }
}
