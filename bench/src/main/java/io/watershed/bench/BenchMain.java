package io.watershed.bench;

import io.watershed.bench.ingest.BatchBenchmark;
import io.watershed.bench.ingest.IngestBenchmark;
import io.watershed.bench.ingest.Limit;
import io.watershed.bench.ingest.LoadDriver;
import io.watershed.bench.ingest.LoadGenerator;
import io.watershed.bench.ingest.ServerProbe;
import io.watershed.bench.ingest.Target;
import io.watershed.bench.mesh.EventFactory;
import io.watershed.bench.mesh.Mesh;
import io.watershed.bench.mesh.MeshGenerator;
import io.watershed.bench.mesh.MeshSpec;
import io.watershed.bench.mesh.NdjsonWriter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Entry point: {@code java -jar watershed-bench.jar <ingest|batch|mesh> [options]}. */
public final class BenchMain {

  static final String USAGE =
      """
      usage: java -jar watershed-bench.jar <mode> [options]

      modes
        ingest   one event per request to POST /api/v1/lineage, one OpenLineage client (HTTP transport) per producer
        batch    arrays of events to POST /api/v1/lineage/batch
        mesh     write the generated events as NDJSON

      mesh options (all modes; the same values give the same events)
        --seed N            random seed (42)
        --domains N         domains (10)
        --pipelines N       pipelines per domain (5)
        --jobs N            jobs per pipeline (6)
        --offset N          position in the event stream to start at (0); use a new offset to resend to a used server

      ingest and batch
        --url URL           server base URL, loopback only (http://localhost:5000)
        --events N          measured events
        --duration D        measured time, e.g. 60s or 2m (60s when neither --events nor --duration is given)
        --warmup W          warmup before measuring: a duration (10s) or an event count (5000); 0 for none (10s)
        --timeout D         request timeout (ingest 30s, batch 60s)
        --max-errors N      stop a phase after N failed events (1000)
        --progress D        print the server's committed events/s and Neo4j time per event every D (10s); 0 for none
      ingest
        --producers N       producer threads, each with its own OpenLineageClient (16)
      batch
        --threads N         sender threads (2)
        --batch-size N      events per request (500)
      mesh
        --events N          events to write (10000)
        --out FILE          output file (mesh-events.ndjson)
      """;

  private static final Set<String> MESH_OPTIONS = Set.of("seed", "domains", "pipelines", "jobs", "offset");
  private static final Set<String> LOAD_OPTIONS =
      Set.of("url", "events", "duration", "warmup", "timeout", "max-errors", "progress");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs one mode; returns the exit status (0 ok, 1 failures or a count mismatch, 2 bad usage). */
  static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
      out.print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    String mode = args.get(0);
    List<String> rest = args.subList(1, args.size());
    try {
      return switch (mode) {
        case "ingest" -> load(mode, Options.parse(rest, union(MESH_OPTIONS, LOAD_OPTIONS, Set.of("producers"))), out);
        case "batch" -> load(mode, Options.parse(rest, union(MESH_OPTIONS, LOAD_OPTIONS, Set.of("threads", "batch-size"))), out);
        case "mesh" -> mesh(Options.parse(rest, union(MESH_OPTIONS, Set.of("events", "out"))), out);
        default -> throw new IllegalArgumentException("unknown mode: " + mode);
      };
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println("run with --help for the options");
      return 2;
    }
  }

  private static int load(String mode, Options o, PrintStream out) throws InterruptedException {
    Target target = Target.of(o.string("url", "http://localhost:5000"));
    EventFactory events = events(o, out);
    long offset = o.number("offset", 0, 0, Long.MAX_VALUE / 2);
    Limit measure = measureLimit(o);
    Limit warmup = warmupLimit(o);
    long maxErrors = o.number("max-errors", 1000, 0, Limit.MAX_EVENTS);
    out.printf(Locale.ROOT, "target %s, warmup %s, measure %s, client JVM %s on %d cores%n",
        target.base(), warmup, measure, Runtime.version(), Runtime.getRuntime().availableProcessors());
    try (LoadGenerator load =
        mode.equals("ingest")
            ? new IngestBenchmark(
                target, events, o.integer("producers", 16, 1, 1024), o.duration("timeout", Duration.ofSeconds(30)),
                maxErrors, offset)
            : new BatchBenchmark(
                target, events, o.integer("threads", 2, 1, 256), o.integer("batch-size", 500, 1, 5000),
                o.duration("timeout", Duration.ofSeconds(60)), maxErrors, offset)) {
      LoadDriver driver = new LoadDriver(new ServerProbe(target), out, o.duration("progress", Duration.ofSeconds(10)));
      LoadDriver.Outcome outcome = driver.run(load, warmup, measure, events.mesh());
      return outcome.measured().failedEvents() == 0 && outcome.countsAgree() ? 0 : 1;
    }
  }

  private static int mesh(Options o, PrintStream out) throws Exception {
    EventFactory events = events(o, out);
    long count = o.number("events", 10_000, 1, Limit.MAX_EVENTS);
    long offset = o.number("offset", 0, 0, Long.MAX_VALUE / 2);
    Path file = Path.of(o.string("out", "mesh-events.ndjson"));
    long bytes = NdjsonWriter.write(events, offset, count, file);
    out.printf(
        Locale.ROOT, "wrote %d events (%.1f MB, %.0f bytes/event) to %s%n", count, bytes / 1e6, (double) bytes / count, file);
    return 0;
  }

  private static EventFactory events(Options o, PrintStream out) {
    MeshSpec spec =
        new MeshSpec(
            o.number("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE),
            o.integer("domains", 10, 1, 200),
            o.integer("pipelines", 5, 1, 100),
            o.integer("jobs", 6, 1, 50),
            MeshSpec.DEFAULT_START,
            Duration.ofHours(1));
    Mesh mesh = MeshGenerator.generate(spec);
    out.printf(
        Locale.ROOT,
        "mesh: seed %d, %d domains, %d pipelines, %d jobs, %d datasets (%d source tables), %d events per cycle%n",
        spec.seed(), mesh.domains().size(), mesh.pipelines().size(), mesh.jobs().size(), mesh.datasets().size(),
        mesh.sources().size(), 2L * mesh.jobs().size());
    return new EventFactory(mesh);
  }

  static Limit measureLimit(Options o) {
    if (!o.has("events") && !o.has("duration")) {
      return Limit.ofDuration(Duration.ofSeconds(60));
    }
    long events = o.number("events", Limit.MAX_EVENTS, 1, Limit.MAX_EVENTS);
    Duration duration = o.duration("duration", Limit.MAX_DURATION);
    return new Limit(events, duration);
  }

  static Limit warmupLimit(Options o) {
    String w = o.string("warmup", "10s");
    if (Options.isCount(w)) {
      long n = o.number("warmup", 0, 0, Limit.MAX_EVENTS);
      return n == 0 ? Limit.NONE : Limit.ofEvents(n);
    }
    Duration d = Options.parseDuration("warmup", w);
    return d.isZero() ? Limit.NONE : Limit.ofDuration(d);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return union(a, b, Set.of());
  }

  private static Set<String> union(Set<String> a, Set<String> b, Set<String> c) {
    return Stream.of(a, b, c).flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
  }
}
