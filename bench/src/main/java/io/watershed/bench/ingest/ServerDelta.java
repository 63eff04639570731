package io.watershed.bench.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What the server reported about one measured window (two scrapes of {@code /prometheus}): how many events it
 * committed, how it grouped them into Neo4j transactions and how long those took, its own latency, CPU and GC.
 * These are the figures that tell whether the single ingest writer or something else limits throughput.
 */
public record ServerDelta(
    double accepted,
    double rejected,
    double failed,
    double transactions,
    double eventsInTransactions,
    double txEventsP50,
    double txEventsP99,
    double txSeconds,
    double txSecondsP50,
    double txSecondsP99,
    double latencyP50,
    double latencyP99,
    double cpuSeconds,
    double gcPauses,
    double gcPauseSeconds,
    double allocatedBytes,
    Duration window) {

  private static final String EVENTS = "watershed_ingest_events_total";
  private static final String TX_EVENTS = "watershed_ingest_transaction_events";
  private static final String TX_SECONDS = "watershed_neo4j_transaction_seconds";
  private static final String LATENCY = "watershed_ingest_latency_seconds";

  public static ServerDelta between(PrometheusText a, PrometheusText b, Duration window) {
    Map<String, String> ingest = Map.of("operation", "ingest");
    return new ServerDelta(
        diff(a, b, EVENTS, Map.of("outcome", "accepted")),
        diff(a, b, EVENTS, Map.of("outcome", "rejected")),
        diff(a, b, EVENTS, Map.of("outcome", "failed")),
        diff(a, b, TX_EVENTS + "_count", Map.of()),
        diff(a, b, TX_EVENTS + "_sum", Map.of()),
        PrometheusText.quantileBetween(a, b, TX_EVENTS, Map.of(), 0.50),
        PrometheusText.quantileBetween(a, b, TX_EVENTS, Map.of(), 0.99),
        diff(a, b, TX_SECONDS + "_sum", ingest),
        PrometheusText.quantileBetween(a, b, TX_SECONDS, ingest, 0.50),
        PrometheusText.quantileBetween(a, b, TX_SECONDS, ingest, 0.99),
        PrometheusText.quantileBetween(a, b, LATENCY, Map.of(), 0.50),
        PrometheusText.quantileBetween(a, b, LATENCY, Map.of(), 0.99),
        diff(a, b, "process_cpu_time_ns_total", Map.of()) / 1e9,
        diff(a, b, "jvm_gc_pause_seconds_count", Map.of()),
        diff(a, b, "jvm_gc_pause_seconds_sum", Map.of()),
        diff(a, b, "jvm_gc_memory_allocated_bytes_total", Map.of()),
        window);
  }

  private static double diff(PrometheusText a, PrometheusText b, String name, Map<String, String> match) {
    return b.sum(name, match) - a.sum(name, match);
  }

  /** Share of the window the (single) ingest writer spent inside Neo4j transactions. */
  public double writerBusyShare() {
    return window.isZero() ? Double.NaN : txSeconds / (window.toNanos() / 1e9);
  }

  public String describe() {
    double seconds = window.toNanos() / 1e9;
    StringBuilder out = new StringBuilder();
    out.append(f("  server events   : accepted %.0f, rejected %.0f, failed %.0f%n", accepted, rejected, failed));
    if (transactions > 0) {
      out.append(
          f(
              "  server tx       : %.0f transactions, mean %.1f events/tx (p50 <= %s, p99 <= %s)%n",
              transactions, eventsInTransactions / transactions, bound(txEventsP50, 1), bound(txEventsP99, 1)));
      out.append(
          f(
              "  neo4j tx time   : mean %.1f ms (p50 <= %s ms, p99 <= %s ms); writer busy %.0f%% of the window; %.2f ms per event%n",
              1000 * txSeconds / transactions, bound(txSecondsP50, 1000), bound(txSecondsP99, 1000),
              100 * writerBusyShare(), 1000 * txSeconds / Math.max(1, eventsInTransactions)));
    }
    out.append(f("  server latency  : receive->commit p50 <= %s ms, p99 <= %s ms%n", bound(latencyP50, 1000), bound(latencyP99, 1000)));
    out.append(
        f(
            "  server cpu/gc   : %.2f cores, %.2f ms CPU per accepted event; %.0f GC pauses, %.2f s paused (%.0f%%); %.0f MB/s allocated%n",
            cpuSeconds / seconds, accepted == 0 ? 0 : 1000 * cpuSeconds / accepted, gcPauses, gcPauseSeconds,
            100 * gcPauseSeconds / seconds, allocatedBytes / 1e6 / seconds));
    return out.toString();
  }

  private static String bound(double value, double scale) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Double.isInfinite(value)) {
      return "+Inf";
    }
    return f("%.1f", value * scale);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
