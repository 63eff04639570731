package io.watershed.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.schema.GraphSchema;
import io.watershed.server.metrics.ProductPorts.DatasetKey;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns finished producer runs into producer meters on its own thread: it reads each batch's start times from the
 * graph (the START event may have been committed long before), counts every run once, and records durations, time
 * to publish and the last successful update. {@link #submit} never blocks: when the queue is full, or the graph
 * cannot be read, the runs are dropped and counted in {@code watershed_metrics_runs_dropped_total}.
 */
@Singleton
public class RunRecorder implements AutoCloseable {

  /** Run ids remembered for counting each run once. */
  static final int REMEMBERED_RUNS = 100_000;
  /** Written datasets read per job when an event lists no outputs. */
  static final int JOB_OUTPUTS_LIMIT = 1_000;

  private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

  private final Neo4jConnection connection;
  private final ProducerMetrics metrics;
  private final ProductPorts ports;
  private final Clock clock;
  private final Duration seedLookback;
  private final Counter dropped;
  private final Timer reads;
  private final RecentRuns counted = new RecentRuns(REMEMBERED_RUNS);
  private final ThreadPoolExecutor executor;
  /** Only the recorder thread reads and writes it: one warning per outage, not one per batch. */
  private boolean failing;

  /** @param schema injected only so that migrations have run before anything here reads the graph */
  public RunRecorder(
      GraphSchema schema,
      Neo4jConnection connection,
      ProducerMetrics metrics,
      ProductPorts ports,
      MetricsSettings settings,
      MeterRegistry registry,
      Clock clock) {
    this.connection = connection;
    this.metrics = metrics;
    this.ports = ports;
    this.clock = clock;
    this.seedLookback = settings.seedLookback();
    this.dropped =
        Counter.builder(MetricNames.RUNS_DROPPED)
            .description("Finished producer runs not measured (the recorder's queue was full or Neo4j did not answer)")
            .register(registry);
    this.reads = Neo4jTimers.timer(registry, "producer_metrics");
    this.executor =
        new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(settings.runQueueCapacity()),
            r -> {
              Thread t = new Thread(r, "producer-metrics");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues finished runs for measuring; never blocks the caller (the ingest writer). */
  public void submit(List<TerminalRun> runs) {
    try {
      executor.execute(() -> record(runs));
    } catch (RejectedExecutionException e) {
      dropped.increment(runs.size());
    }
  }

  /** Queues reading back the last successful update of each product and job, so the gauges survive a restart. */
  public void seed() {
    try {
      executor.execute(this::seedNow);
    } catch (RejectedExecutionException e) {
      LOG.warn("Could not queue reading back the last producer updates: {}", e.toString());
    }
  }

  private void seedNow() {
    Instant since = clock.instant().minus(seedLookback);
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      List<Record> rows =
          reads.record(
              () -> session.executeRead(
                  tx -> tx.run(RunCypher.LAST_SUCCESS, Map.of("since", since.atZone(ZoneOffset.UTC))).list()));
      for (Record row : rows) {
        ports.product(row.get("product").asString())
            .ifPresent(p -> metrics.updated(p, row.get("jobNamespace").asString() + "/" + row.get("jobName").asString(),
                instant(row.get("lastSuccess"))));
      }
      LOG.info("Read back the last successful update of {} product/job pair(s)", rows.size());
    } catch (RuntimeException e) {
      LOG.warn("Could not read back the last producer updates; they appear with the next runs: {}", e.toString());
    }
  }

  private void record(List<TerminalRun> runs) {
    RunFacts facts;
    try {
      facts = facts(runs);
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("Could not read start times of finished runs; they are not measured until Neo4j answers: {}",
            e.toString());
        failing = true;
      }
      dropped.increment(runs.size());
      return;
    }
    if (failing) {
      LOG.info("Finished runs are measured again");
      failing = false;
    }
    for (TerminalRun run : runs) {
      List<ProductLabels> products = run.listsOutputs() ? run.products() : facts.productsOf(run);
      if (products.isEmpty() || !counted.firstTime(run.runId())) {
        continue;
      }
      RunTimes times = facts.times().getOrDefault(run.runId(), RunTimes.UNKNOWN);
      for (ProductLabels product : products) {
        measure(product, run, times);
      }
    }
  }

  private void measure(ProductLabels product, TerminalRun run, RunTimes times) {
    metrics.runFinished(product, run.job(), run.state());
    if (run.state() != RunState.COMPLETE) {
      return;
    }
    metrics.updated(product, run.job(), run.endedAt());
    if (times.startedAt() != null) {
      metrics.runDuration(product, run.job(), Duration.between(times.startedAt(), run.endedAt()));
    }
    Instant publishFrom = times.nominalStartTime() != null ? times.nominalStartTime() : times.startedAt();
    if (publishFrom != null) {
      metrics.timeToPublish(product, run.job(), Duration.between(publishFrom, run.endedAt()));
    }
  }

  private RunFacts facts(List<TerminalRun> runs) {
    List<String> runIds = runs.stream().map(TerminalRun::runId).distinct().toList();
    List<Map<String, Object>> jobs =
        runs.stream()
            .filter(r -> !r.listsOutputs())
            .map(r -> Map.<String, Object>of("namespace", r.jobNamespace(), "name", r.jobName()))
            .distinct()
            .toList();
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return reads.record(() -> session.executeRead(tx -> read(tx, runIds, jobs)));
    }
  }

  private RunFacts read(TransactionContext tx, List<String> runIds, List<Map<String, Object>> jobs) {
    Map<String, RunTimes> times = new HashMap<>();
    for (Record row : tx.run(RunCypher.START_TIMES, Map.of("runIds", runIds)).list()) {
      times.put(row.get("runId").asString(),
          new RunTimes(instant(row.get("startedAt")), instant(row.get("nominalStartTime"))));
    }
    Map<String, List<DatasetKey>> written = new HashMap<>();
    if (!jobs.isEmpty()) {
      for (Record row : tx.run(RunCypher.JOB_OUTPUTS, Map.of("jobs", jobs, "limit", JOB_OUTPUTS_LIMIT)).list()) {
        written.computeIfAbsent(row.get("jobNamespace").asString() + "/" + row.get("jobName").asString(),
                k -> new ArrayList<>())
            .add(new DatasetKey(row.get("namespace").asString(), row.get("name").asString()));
      }
    }
    Map<String, List<ProductLabels>> products = new HashMap<>();
    written.forEach((job, datasets) -> products.put(job, ports.exposing(datasets)));
    return new RunFacts(times, products);
  }

  private static @Nullable Instant instant(Value value) {
    return value == null || value.isNull() ? null : value.asZonedDateTime().toInstant();
  }

  @PreDestroy
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** When a run started, and when it was scheduled to start; either may be unknown. */
  record RunTimes(@Nullable Instant startedAt, @Nullable Instant nominalStartTime) {
    static final RunTimes UNKNOWN = new RunTimes(null, null);
  }

  /** What the graph says about one batch of finished runs. */
  record RunFacts(Map<String, RunTimes> times, Map<String, List<ProductLabels>> productsByJob) {
    List<ProductLabels> productsOf(TerminalRun run) {
      return productsByJob.getOrDefault(run.job(), List.of());
    }
  }
}
