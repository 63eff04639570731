package io.watershed.alerts.alert;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.change.Change;
import io.watershed.alerts.change.Change.ChangeDetails;
import io.watershed.alerts.change.ChangeDetector;
import io.watershed.alerts.change.ChangeDetector.Detection;
import io.watershed.alerts.change.ChangeKind;
import io.watershed.alerts.change.ChangeReconciler;
import io.watershed.alerts.change.ChangeStatus;
import io.watershed.alerts.change.ChangeStore;
import io.watershed.alerts.change.ChangeStore.Resolution;
import io.watershed.alerts.change.Subject;
import io.watershed.alerts.rootcause.RootCauseKey;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.write.LineageEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert engine's steps, each safe to repeat and to run on several replicas at once:
 *
 * <ol>
 *   <li>record the changes a batch of events or a product state shows (once each, by id);
 *   <li>resolve open changes the graph now shows to be over, and the alerts that only they kept open;
 *   <li>turn open changes not yet alerted into alerts (root cause, impact, one alert per product), marking each
 *       change alerted afterwards, so a crash in between only means doing it again.
 * </ol>
 *
 * <p>{@link #sweep()} repeats steps 2 and 3 for everything open, which picks up work a crash or a dropped batch
 * left behind. Notifying is the planner's job ({@link NotificationPlanner}).
 */
@Singleton
public class AlertEngine {

  private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);
  private static final int BATCH = 200;

  private final ChangeDetector detector;
  private final ChangeStore changes;
  private final ChangeReconciler reconciler;
  private final ProblemAnalyzer analyzer;
  private final AlertStore alerts;
  private final AlertsSettings settings;
  private final InstantSource clock;

  public AlertEngine(
      ChangeDetector detector,
      ChangeStore changes,
      ChangeReconciler reconciler,
      ProblemAnalyzer analyzer,
      AlertStore alerts,
      AlertsSettings settings,
      InstantSource clock) {
    this.detector = detector;
    this.changes = changes;
    this.reconciler = reconciler;
    this.analyzer = analyzer;
    this.alerts = alerts;
    this.settings = settings;
    this.clock = clock;
  }

  /** A batch of committed OpenLineage events. */
  public void onLineage(List<LineageEvent> events) {
    Detection detection = detector.detect(events);
    changes.record(detection.changes(), clock.instant());
    List<String> subjects = new ArrayList<>(detection.touched());
    detection.changes().forEach(c -> subjects.add(c.subject().nodeId()));
    resolve(reconciler.resolutions(changes.openAbout(subjects, BATCH * 10)));
    raisePending();
  }

  /** A product left or re-entered its SLO (published by the quality module). */
  public void onProductState(ProductStateChanged event) {
    Subject product = Subject.product(event.product());
    if ("OUT_OF_SLO".equals(event.toState())) {
      Map<String, String> evidence = new LinkedHashMap<>();
      evidence.put("product", event.product());
      evidence.put("from", String.valueOf(event.fromState()));
      if (!event.reasons().isEmpty()) {
        evidence.put("reasons", String.join(", ", event.reasons()));
      }
      String description = "Data product " + event.product() + " is out of its SLO"
          + (event.reasons().isEmpty() ? "" : ": " + String.join(", ", event.reasons()));
      Change change = Change.detected(
          RootCauseKey.hash("PRODUCT_OUT_OF_SLO\u0000" + event.product() + '\u0000' + event.at()),
          ChangeKind.PRODUCT_OUT_OF_SLO,
          product,
          ChangeStatus.OPEN,
          event.at(),
          description,
          evidence,
          ChangeDetails.NONE);
      changes.record(List.of(change), clock.instant());
      raisePending();
    } else if ("IN_SLO".equals(event.toState())) {
      List<Resolution> back = new ArrayList<>();
      for (Change c : changes.openAbout(List.of(product.nodeId()), BATCH)) {
        if (c.kind() == ChangeKind.PRODUCT_OUT_OF_SLO && !c.at().isAfter(event.at())) {
          back.add(new Resolution(c.id(), event.at(), "the product is back in its SLO"));
        }
      }
      resolve(back);
    }
  }

  /** Re-checks every open change against the graph and picks up work left behind. */
  public void sweep() {
    resolve(reconciler.resolutions(changes.open(BATCH * 10)));
    Instant now = clock.instant();
    for (String fingerprint : alerts.fingerprintsToResolve(BATCH)) {
      alerts.resolveRecovered(fingerprint, now, now.plus(settings.groupWait()));
    }
    raisePending();
  }

  /** Raises alerts for open changes that have none yet, oldest first. */
  public void raisePending() {
    for (int round = 0; round < 10; round++) {
      List<Change> pending = changes.unalerted(BATCH);
      for (Change change : pending) {
        raise(change);
      }
      if (pending.size() < BATCH) {
        return;
      }
    }
  }

  private void raise(Change change) {
    Instant now = clock.instant();
    for (Problem problem : analyzer.analyze(change)) {
      AlertStore.Raised raised = alerts.raise(problem, now, now.plus(settings.groupWait()));
      if (raised.opened() + raised.escalated() > 0) {
        LOG.info("{} at {}: {} alert(s) opened, {} escalated", problem.rootCause().kind(),
            problem.rootCause().nodeId(), raised.opened(), raised.escalated());
      }
    }
    changes.markAlerted(change.id(), now);
  }

  private void resolve(List<Resolution> resolutions) {
    List<String> resolved = changes.resolve(resolutions);
    if (resolved.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (String fingerprint : alerts.fingerprintsOfChanges(resolved)) {
      int n = alerts.resolveRecovered(fingerprint, now, now.plus(settings.groupWait()));
      if (n > 0) {
        LOG.info("Root cause {} recovered: {} alert(s) resolved", fingerprint, n);
      }
    }
  }

  /** Acknowledges an alert; see {@link AlertStore#acknowledge}. */
  public Optional<Alert> acknowledge(String id, String by, @Nullable String comment) {
    Instant now = clock.instant();
    return alerts.acknowledge(id, by, comment, now, now.plus(settings.groupWait()));
  }
}
