package io.watershed.quality.evaluation;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.quality.api.ProductNotFoundException;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.metrics.ProductMetrics;
import io.watershed.quality.product.ProductChanged;
import io.watershed.quality.product.ProductRegistry;
import io.watershed.quality.product.ProductWindows;
import io.watershed.quality.product.RegisteredProduct;
import io.watershed.quality.slo.SloInterval;
import io.watershed.quality.slo.SloRepository;
import io.watershed.quality.slo.Transition;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates products, on ONE thread: requests are coalesced by product (a burst of events for a product causes one
 * evaluation), and each verdict is recorded (state, interval), published when the state changed, and put on the
 * gauges. One thread keeps transitions free of races and Neo4j free of write conflicts between evaluations.
 */
@Singleton
public class EvaluationService implements ApplicationEventListener<ProductChanged>, AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationService.class);

  private final ProductRegistry registry;
  private final ObservationQueries observations;
  private final SloRepository slo;
  private final ProductMetrics metrics;
  private final ApplicationEventPublisher<ProductStateChanged> stateChanges;
  private final Clock clock;
  private final ProductEvaluator evaluator = new ProductEvaluator();
  private final ExecutorService executor;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final Set<String> failed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public EvaluationService(
      ProductRegistry registry,
      ObservationQueries observations,
      SloRepository slo,
      ProductMetrics metrics,
      ApplicationEventPublisher<ProductStateChanged> stateChanges,
      Clock clock) {
    this.registry = registry;
    this.observations = observations;
    this.slo = slo;
    this.metrics = metrics;
    this.stateChanges = stateChanges;
    this.clock = clock;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "watershed-quality-evaluation");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public void onApplicationEvent(ProductChanged event) {
    request(List.of(event.product()));
  }

  /** Asks for these products to be evaluated soon; returns at once. */
  public void request(Collection<String> products) {
    if (!products.isEmpty()) {
      pending.addAll(products);
      schedule();
    }
  }

  /** Asks for every active product to be evaluated (at start). */
  public void requestAll() {
    request(registry.all().stream().map(p -> p.name().value()).toList());
  }

  /** Asks again for products whose last evaluation failed (Neo4j unavailable ...). */
  public void retryFailed() {
    List<String> again = new ArrayList<>(failed);
    failed.removeAll(again);
    request(again);
  }

  /**
   * Evaluates one product now, on the evaluation thread (so the answer and the recorded state agree), and returns
   * the verdict with its evidence.
   *
   * @throws ProductNotFoundException when there is no such active product
   */
  public Evaluation evaluateNow(String product) {
    RegisteredProduct p = registry.get(product).orElseThrow(() -> new ProductNotFoundException(product));
    Evaluation e = await(executor.submit(() -> evaluate(p.name().value())));
    if (e == null) {
      throw new ProductNotFoundException(product);
    }
    return e;
  }

  /** Waits until everything requested so far is done (tests, orderly shutdown). */
  public void flush() {
    await(executor.submit(() -> null));
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false); // shutting down
      }
    }
  }

  private void drain() {
    scheduled.set(false);
    List<String> batch = new ArrayList<>(pending);
    pending.removeAll(batch);
    for (String product : batch) {
      try {
        evaluate(product);
      } catch (RuntimeException e) {
        failed.add(product);
        LOG.warn("Evaluating data product {} failed; retrying on the next tick: {}", product, e.toString());
      }
    }
  }

  /** Evaluates and records one product; null when it is not active (its gauges are removed). */
  private Evaluation evaluate(String name) {
    RegisteredProduct product = registry.get(name).orElse(null);
    if (product == null) {
      metrics.remove(name);
      return null;
    }
    DataProductContract contract = product.contract();
    Instant now = clock.instant();
    Evaluation evaluation = evaluator.evaluate(product, observations.load(contract), now);
    slo.record(evaluation).ifPresent(t -> publish(product, t));
    List<SloInterval> intervals = slo.intervals(name, now.minus(ProductWindows.window(contract)), now);
    metrics.update(product, evaluation, intervals);
    return evaluation;
  }

  private void publish(RegisteredProduct product, Transition t) {
    if (t.from() == t.to()) {
      return; // a first evaluation that finds nothing to judge yet: no change to tell anyone about
    }
    LOG.info("Data product {} is {} since {} (was {}): {}", t.product(), t.to(), t.at(), t.from(), t.reasons());
    try {
      stateChanges.publishEvent(new ProductStateChanged(
          t.product(), product.contract().domain(), t.from().name(), t.to().name(), t.at(), t.reasons()));
    } catch (RuntimeException e) {
      // A listener's failure is its own; the transition is recorded.
      LOG.error("A listener of ProductStateChanged failed for {}", t.product(), e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the evaluation", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the evaluation did not finish within " + WAIT.toSeconds() + "s", e);
    }
  }

  @PreDestroy
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      executor.shutdownNow();
    }
  }
}
