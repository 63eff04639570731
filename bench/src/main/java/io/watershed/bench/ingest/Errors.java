package io.watershed.bench.ingest;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed events by kind (e.g. {@code HTTP 503}, {@code SocketTimeoutException}), with the first message of each. */
final class Errors {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, String> firstMessage = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();

  void add(String kind, long events, String message) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).add(events);
    if (message != null) {
      firstMessage.putIfAbsent(kind, message.length() > 300 ? message.substring(0, 300) + "..." : message);
    }
    total.add(events);
  }

  long total() {
    return total.sum();
  }

  /** Lines such as {@code HTTP 503: 12 (first: {"error":...})}, sorted by kind. */
  String describe() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(counts)
        .forEach(
            (kind, n) ->
                out.append("    ").append(kind).append(": ").append(n.sum())
                    .append(firstMessage.containsKey(kind) ? " (first: " + firstMessage.get(kind) + ")" : "")
                    .append('\n'));
    return out.toString();
  }
}
