package io.watershed.bench.ingest;

import java.util.concurrent.atomic.AtomicLong;

/** Hands out a phase's events to the threads sending them, until the phase's {@link Limit} is reached. */
final class Budget {

  private final long maxEvents;
  private final long deadlineNanos;
  private final AtomicLong claimed = new AtomicLong();

  Budget(Limit limit, long startNanos) {
    this.maxEvents = limit.events();
    this.deadlineNanos = startNanos + limit.duration().toNanos();
  }

  /** Grants up to {@code wanted} events, or 0 once the phase is over (count or time). */
  int claim(int wanted) {
    if (System.nanoTime() - deadlineNanos >= 0) {
      return 0;
    }
    long from = claimed.getAndAdd(wanted);
    if (from >= maxEvents) {
      return 0;
    }
    return (int) Math.min(wanted, maxEvents - from);
  }
}
