package io.watershed.server.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run ids counted lately, so that a resent or second final event of a run does not count it twice. Bounded:
 * the oldest ids are forgotten first (a resend days later may count again, which is the price of bounded memory).
 */
final class RecentRuns {

  private final Map<String, Boolean> seen;

  RecentRuns(int capacity) {
    this.seen =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  /** True the first time a run id is offered (within the capacity's memory). */
  synchronized boolean firstTime(String runId) {
    return seen.put(runId, Boolean.TRUE) == null;
  }
}
