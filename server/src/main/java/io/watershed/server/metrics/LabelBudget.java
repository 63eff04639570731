package io.watershed.server.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits at most {@code capacity} distinct label values; every later value is reported as {@link MetricNames#OTHER},
 * so that a label fed from data (job names, domains) cannot grow the number of series without bound. Values already
 * admitted keep their label for the life of the process.
 */
final class LabelBudget {

  /** Longer values are cut: a label is for reading on a dashboard, not for holding a document. */
  static final int MAX_LENGTH = 160;

  private final int capacity;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  LabelBudget(int capacity) {
    this.capacity = capacity;
  }

  String label(String value) {
    String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    if (admitted.contains(cut)) {
      return cut;
    }
    synchronized (admitted) {
      if (admitted.size() >= capacity && !admitted.contains(cut)) {
        return MetricNames.OTHER;
      }
      admitted.add(cut);
      return cut;
    }
  }
}
