package io.watershed.quality.evaluation;

import io.watershed.quality.QualitySettings;
import io.watershed.quality.slo.SloRepository;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes time count without events: every tick it asks the graph (one indexed query) for products whose next freshness
 * deadline is before now, per the injected clock, and has only those evaluated. A product that went stale while
 * nothing happened is thus found within one tick, and its state change is dated at the deadline itself.
 */
@Singleton
public class FreshnessScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FreshnessScheduler.class);

  private final SloRepository slo;
  private final EvaluationService evaluation;
  private final Clock clock;
  private final QualitySettings settings;
  private ScheduledExecutorService executor;

  public FreshnessScheduler(SloRepository slo, EvaluationService evaluation, Clock clock, QualitySettings settings) {
    this.slo = slo;
    this.evaluation = evaluation;
    this.clock = clock;
    this.settings = settings;
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "watershed-quality-deadlines");
      t.setDaemon(true);
      return t;
    });
    long tick = settings.evaluationTick().toMillis();
    executor.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** One round: requests evaluation of the products whose deadline passed; returns their names. */
  public List<String> runDue() {
    List<String> due = slo.due(clock.instant());
    evaluation.request(due);
    evaluation.retryFailed();
    return due;
  }

  private void tick() {
    try {
      runDue();
    } catch (RuntimeException e) {
      // Neo4j unavailable for a moment: the next tick tries again.
      LOG.warn("Looking for data products past their freshness deadline failed: {}", e.toString());
    }
  }

  @PreDestroy
  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
