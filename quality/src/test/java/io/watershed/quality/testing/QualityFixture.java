package io.watershed.quality.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.schema.GraphMigrations;
import io.watershed.graph.schema.GraphSchema;
import io.watershed.quality.QualityLifecycle;
import io.watershed.quality.QualityMigrations;
import io.watershed.quality.QualitySettings;
import io.watershed.quality.contract.ContractsConfiguration;
import io.watershed.quality.evaluation.EvaluationService;
import io.watershed.quality.evaluation.FreshnessScheduler;
import io.watershed.quality.evaluation.LineageCommittedListener;
import io.watershed.quality.evaluation.ObservationQueries;
import io.watershed.quality.metrics.ProductMetrics;
import io.watershed.quality.product.ContractDirectorySync;
import io.watershed.quality.product.DataProductRepository;
import io.watershed.quality.product.ProductRegistry;
import io.watershed.quality.results.ResultStore;
import io.watershed.quality.slo.SloRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The quality module wired by hand on the shared test database, the way Micronaut wires it in the server, with a
 * mutable clock and a simple meter registry. A second fixture on the same database is a restart.
 */
public final class QualityFixture implements AutoCloseable {

  public final Neo4jConnection connection;
  public final MutableClock clock;
  public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  public final List<ProductStateChanged> stateChanges = new CopyOnWriteArrayList<>();
  public final DataProductRepository repository;
  public final ProductRegistry registry;
  public final ResultStore results;
  public final SloRepository slo;
  public final ProductMetrics metrics;
  public final EvaluationService evaluation;
  public final FreshnessScheduler scheduler;
  public final LineageCommittedListener lineage;
  public final ContractDirectorySync directory;
  public final QualityLifecycle lifecycle;

  public QualityFixture(Neo4jConnection connection, MutableClock clock, Path contractsDir) {
    this.connection = connection;
    this.clock = clock;
    QualitySettings settings = QualitySettings.defaults();
    ContractsConfiguration contracts = new ContractsConfiguration(
        contractsDir == null ? null : contractsDir.toString(), Duration.ofSeconds(30), Duration.ofMillis(50));
    GraphSchema schema = new GraphSchema(connection, List.of(new GraphMigrations(), new QualityMigrations()));
    this.repository = new DataProductRepository(connection);
    EvaluationService[] evaluationRef = new EvaluationService[1];
    this.registry = new ProductRegistry(repository, clock, contracts,
        changed -> evaluationRef[0].onApplicationEvent(changed));
    this.results = new ResultStore(connection, clock);
    this.slo = new SloRepository(connection);
    this.metrics = new ProductMetrics(meters, clock, settings);
    this.evaluation = new EvaluationService(registry, new ObservationQueries(connection), slo, metrics,
        stateChanges::add, clock);
    evaluationRef[0] = evaluation;
    this.scheduler = new FreshnessScheduler(slo, evaluation, clock, settings);
    this.lineage = new LineageCommittedListener(registry, evaluation);
    this.directory = new ContractDirectorySync(contracts, registry);
    this.lifecycle = new QualityLifecycle(schema, registry,
        directory, evaluation, scheduler);
  }

  public QualityFixture(Neo4jConnection connection, MutableClock clock) {
    this(connection, clock, null);
  }

  /** Starts like the server does, and waits for the first evaluations. */
  public QualityFixture started() {
    lifecycle.start();
    evaluation.flush();
    return this;
  }

  @Override
  public void close() {
    lifecycle.stop();
  }
}
