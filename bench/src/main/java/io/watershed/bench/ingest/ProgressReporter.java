package io.watershed.bench.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints the server's view every interval while a phase runs: events committed per second, transaction size and
 * Neo4j time per event. A trend here (e.g. time per event growing with the graph) is invisible in the totals.
 */
final class ProgressReporter implements AutoCloseable {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
          });
  private final ServerProbe probe;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private PrometheusText last;
  private long lastNanos;

  private ProgressReporter(ServerProbe probe, PrintStream out) {
    this.probe = probe;
    this.out = out;
  }

  /** Starts reporting every {@code interval}; a zero interval reports nothing. */
  static ProgressReporter start(ServerProbe probe, PrintStream out, Duration interval) {
    ProgressReporter r = new ProgressReporter(probe, out);
    if (!interval.isZero()) {
      r.last = probe.scrape();
      r.lastNanos = System.nanoTime();
      r.timer.scheduleAtFixedRate(r::report, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    return r;
  }

  private void report() {
    try {
      PrometheusText now = probe.scrape();
      long nanos = System.nanoTime();
      double seconds = (nanos - lastNanos) / 1e9;
      Map<String, String> accepted = Map.of("outcome", "accepted");
      double events =
          now.sum("watershed_ingest_events_total", accepted) - last.sum("watershed_ingest_events_total", accepted);
      double txCount = diff(now, "watershed_ingest_transaction_events_count");
      double txEvents = diff(now, "watershed_ingest_transaction_events_sum");
      double txSeconds = diff(now, "watershed_neo4j_transaction_seconds_sum");
      double cpu = diff(now, "process_cpu_time_ns_total") / 1e9;
      double gc = diff(now, "jvm_gc_pause_seconds_sum");
      out.printf(
          Locale.ROOT,
          "  [%4.0f s] server committed %6.0f events/s, %5.1f events/tx, neo4j %5.2f ms/event, writer busy %3.0f%%, cpu %.2f cores, gc %3.0f%%, total accepted %.0f%n",
          (nanos - startNanos) / 1e9, events / seconds, txCount == 0 ? 0 : txEvents / txCount,
          txEvents == 0 ? 0 : 1000 * txSeconds / txEvents, 100 * txSeconds / seconds, cpu / seconds, 100 * gc / seconds,
          now.sum("watershed_ingest_events_total", accepted));
      last = now;
      lastNanos = nanos;
    } catch (RuntimeException e) {
      out.println("  [progress] scrape failed: " + e.getMessage());
    }
  }

  private double diff(PrometheusText now, String name) {
    return now.sum(name) - last.sum(name);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
