package io.watershed.alerts.alert;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.watershed.graph.schema.GraphSchema;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the periodic work: planning due notifications every {@code plan-interval} on its own thread, and the sweep
 * (re-check open changes, pick up left-over work) every {@code sweep-interval} on the engine thread.
 */
@Context
@Requires(property = "watershed.alerts.enabled", notEquals = "false")
public class AlertScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(AlertScheduler.class);

  private final ScheduledExecutorService timer;

  /** {@code schema} is injected so nothing runs before the schema migrations did. */
  public AlertScheduler(
      NotificationPlanner planner, AlertEngine engine, AlertWorkQueue queue, AlertsSettings settings,
      GraphSchema schema) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "alert-planner");
              t.setDaemon(true);
              return t;
            });
    long plan = settings.planInterval().toMillis();
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            planner.planDue();
          } catch (RuntimeException e) {
            LOG.warn("Planning notifications failed; retrying in {} ms: {}", plan, e.getMessage());
          }
        },
        plan,
        plan,
        TimeUnit.MILLISECONDS);
    long sweep = settings.sweepInterval().toMillis();
    timer.scheduleWithFixedDelay(
        () -> queue.submit("sweep", engine::sweep), 0, sweep, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  public void stop() {
    timer.shutdownNow();
  }
}
