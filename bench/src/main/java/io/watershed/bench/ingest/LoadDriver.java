package io.watershed.bench.ingest;

import io.watershed.bench.mesh.DatasetDef;
import io.watershed.bench.mesh.Mesh;
import io.watershed.bench.stats.CpuSample;
import io.watershed.bench.stats.LatencySummary;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a benchmark: warmup phase, measured phase, then the checks. The server is scraped before the warmup, around
 * the measured phase, and once its queue has drained: the first and last scrapes check that it accepted exactly the
 * events the client counted as sent; the middle two describe the measured window from the server's side.
 */
public final class LoadDriver {

  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private final ServerProbe probe;
  private final PrintStream out;

  private final Duration progressInterval;

  public LoadDriver(ServerProbe probe, PrintStream out, Duration progressInterval) {
    this.probe = probe;
    this.out = out;
    this.progressInterval = progressInterval;
  }

  /** Outcome of a whole run: the measured phase and whether the server's count agreed with the client's. */
  public record Outcome(PhaseResult measured, ServerDelta server, long clientOk, double serverAccepted) {

    public boolean countsAgree() {
      return Math.round(serverAccepted) == clientOk;
    }
  }

  public Outcome run(LoadGenerator load, Limit warmup, Limit measure, Mesh mesh) throws InterruptedException {
    probe.awaitUp(Duration.ofSeconds(60));
    PrometheusText atStart = probe.scrape();
    long clientOk = 0;
    if (!warmup.isNone()) {
      PhaseResult w = load.run(warmup);
      clientOk += w.okEvents();
      out.printf(
          Locale.ROOT,
          "warmup: %d events ok, %d failed in %.1f s (%.0f events/s)%n",
          w.okEvents(), w.failedEvents(), w.seconds(), w.eventsPerSecond());
      if (!w.errorDetail().isEmpty()) {
        out.print(w.errorDetail());
      }
    }
    PrometheusText before = probe.scrapeWhenDrained(DRAIN_TIMEOUT);
    CpuSample cpuBefore = CpuSample.now();
    PhaseResult m;
    try (ProgressReporter progress = ProgressReporter.start(probe, out, progressInterval)) {
      m = load.run(measure);
    }
    CpuSample cpuAfter = CpuSample.now();
    PrometheusText after = probe.scrape();
    clientOk += m.okEvents();
    PrometheusText drained = probe.scrapeWhenDrained(DRAIN_TIMEOUT);
    Map<String, String> accepted = Map.of("outcome", "accepted");
    double serverAccepted =
        drained.sum("watershed_ingest_events_total", accepted) - atStart.sum("watershed_ingest_events_total", accepted);
    ServerDelta server = ServerDelta.between(before, after, Duration.ofNanos(cpuAfter.wallNanos() - cpuBefore.wallNanos()));
    Outcome outcome = new Outcome(m, server, clientOk, serverAccepted);
    print(load, measure, outcome, cpuBefore, cpuAfter, mesh);
    return outcome;
  }

  private void print(LoadGenerator load, Limit measure, Outcome o, CpuSample c1, CpuSample c2, Mesh mesh) {
    PhaseResult m = o.measured();
    LatencySummary l = m.latency();
    String unit = load.eventsPerRequest() == 1 ? "per event" : "per request of " + load.eventsPerRequest() + " events";
    out.printf(Locale.ROOT, "== %s: %d threads, measured %s%n", load.mode(), load.threads(), measure);
    out.printf(
        Locale.ROOT,
        "  client          : %d events ok, %d failed, %d requests in %.1f s%n",
        m.okEvents(), m.failedEvents(), m.requests(), m.seconds());
    out.printf(Locale.ROOT, "  throughput      : %.0f events/s%n", m.eventsPerSecond());
    out.printf(Locale.ROOT, "  latency (ms)    : %s, %s%n", l, unit);
    if (!m.errorDetail().isEmpty()) {
      out.print("  errors          :\n" + m.errorDetail());
    }
    out.print(o.server().describe());
    double host = CpuSample.hostBusyShare(c1, c2);
    double self = CpuSample.selfCores(c1, c2);
    int cores = Runtime.getRuntime().availableProcessors();
    double serverCores = o.server().cpuSeconds() / (o.server().window().toNanos() / 1e9);
    out.printf(
        Locale.ROOT,
        "  host cpu        : %s busy of %d cores; bench client %.2f cores, server %.2f cores, other processes %s cores%n",
        host < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * host), cores, self, serverCores,
        host < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", Math.max(0, host * cores - self - serverCores)));
    String check =
        o.countsAgree()
            ? "OK"
            : String.format(
                Locale.ROOT,
                "MISMATCH: the server accepted %.0f events, the client counted %d as sent",
                o.serverAccepted(), o.clientOk());
    out.printf(Locale.ROOT, "  server count    : accepted %.0f events since start, client ok %d: %s%n", o.serverAccepted(), o.clientOk(), check);
    if (!mesh.sources().isEmpty()) {
      DatasetDef source = mesh.sources().get(0);
      int nodes = probe.downstreamNodes(source.namespace(), source.name(), 20);
      out.printf(Locale.ROOT, "  lineage check   : %d nodes downstream of %s:%s%n", nodes, source.namespace(), source.name());
    }
    out.println("  | mode | threads | events/request | events ok | failed | events/s | p50 ms | p90 ms | p99 ms | max ms |");
    out.printf(
        Locale.ROOT,
        "  | %s | %d | %d | %d | %d | %.0f | %s | %s | %s | %s |%n",
        load.mode(), load.threads(), load.eventsPerRequest(), m.okEvents(), m.failedEvents(), m.eventsPerSecond(),
        LatencySummary.ms(l.p50()), LatencySummary.ms(l.p90()), LatencySummary.ms(l.p99()), LatencySummary.ms(l.max()));
  }
}
