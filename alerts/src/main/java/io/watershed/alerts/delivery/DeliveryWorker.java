package io.watershed.alerts.delivery;

import io.micrometer.core.instrument.Timer;
import io.watershed.alerts.channel.ChannelRegistry;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.channel.DeliveryException;
import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationChannel;
import io.watershed.alerts.channel.Route;
import io.watershed.alerts.routing.RouteResolver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims notifications from the outbox and makes one attempt for each. Several workers (threads or replicas) may
 * share one outbox: a claim leases a notification to one worker, and an expired lease (a worker that died between
 * claim and outcome) frees it for another. The receiver sees the same notification id on every attempt, so the one
 * remaining duplicate (a crash after the receiver accepted, before DELIVERED was recorded) can be dropped there.
 */
public final class DeliveryWorker {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  /** What became of one attempt; the label is the {@code outcome} of {@link DeliveryMetrics#DELIVERIES}. */
  public enum Outcome {
    /** The receiver accepted it: {@code DELIVERED}. */
    DELIVERED("delivered"),
    /** It failed and will be tried again after a backoff: back to {@code PENDING}. */
    RETRY_SCHEDULED("retry"),
    /** It failed for good, or for the last allowed time: {@code DEAD}. */
    DEAD("dead"),
    /** It failed and the lease ran out during the attempt; whoever holds it now decides. */
    LEASE_LOST("lease_lost");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final OutboxStore outbox;
  private final ChannelRegistry channels;
  private final RouteResolver routes;
  private final DeliverySettings settings;
  private final Backoff backoff;
  private final InstantSource clock;
  private final DeliveryMetrics metrics;
  private final String workerId;

  public DeliveryWorker(
      OutboxStore outbox,
      ChannelRegistry channels,
      RouteResolver routes,
      DeliverySettings settings,
      Backoff backoff,
      InstantSource clock,
      DeliveryMetrics metrics,
      String workerId) {
    this.outbox = outbox;
    this.channels = channels;
    this.routes = routes;
    this.settings = settings;
    this.backoff = backoff;
    this.clock = clock;
    this.metrics = metrics;
    this.workerId = workerId;
  }

  public String workerId() {
    return workerId;
  }

  /** Claims up to {@code limit} due notifications, none of the {@code saturated} channel types. */
  public List<OutboxEntry> claim(int limit, Set<ChannelType> saturated) {
    Instant now = clock.instant();
    return outbox.claim(workerId, now, now.plus(settings.lease()), limit, saturated);
  }

  /**
   * One attempt for a claimed notification, and its outcome recorded and counted. When recording throws (Neo4j
   * unavailable) nothing is counted: the lease runs out and the notification is attempted again.
   */
  public Outcome attempt(OutboxEntry entry) {
    Outcome outcome = attemptAndRecord(entry);
    metrics.attempted(entry.routeType(), outcome);
    return outcome;
  }

  private Outcome attemptAndRecord(OutboxEntry entry) {
    Notification notification;
    try {
      notification = NotificationCodec.read(entry.payload());
    } catch (RuntimeException e) {
      return fail(entry, false, null, "the stored notification cannot be read: " + e.getMessage());
    }
    try {
      Route route = routes.resolve(entry.routeType(), entry.route());
      NotificationChannel channel = channels.channelFor(route);
      // Only sends are timed: a route that cannot be sent at all (no channel, a missing secret) fails at once.
      Timer.Sample sending = metrics.startSend();
      try {
        channel.send(notification, route);
      } finally {
        metrics.sent(entry.routeType(), sending);
      }
    } catch (DeliveryException e) {
      String error = e.reason() + ": " + e.getMessage();
      return fail(entry, e.retryable(), e, error);
    } catch (RuntimeException e) {
      // A channel bug must not kill the worker; retrying is the safe side, and attempts are bounded.
      LOG.error("Unexpected failure sending notification {} via {}", entry.id(), entry.routeType(), e);
      return fail(entry, true, null, "unexpected " + e.getClass().getSimpleName());
    }
    if (!outbox.delivered(entry.id(), workerId, clock.instant())) {
      LOG.info("Notification {} was already marked delivered by another worker", entry.id());
    }
    return Outcome.DELIVERED;
  }

  private Outcome fail(OutboxEntry entry, boolean retryable, DeliveryException e, String error) {
    boolean retry = retryable && entry.attempts() < settings.maxAttempts();
    Instant next = null;
    if (retry) {
      next = clock.instant().plus(backoff.delay(entry.attempts(), e == null ? Optional.empty() : e.retryAfter()));
    }
    boolean recorded = outbox.failed(entry.id(), workerId, next, error);
    if (!recorded) {
      LOG.warn("Lost the lease of notification {} during its attempt; its new holder decides", entry.id());
      return Outcome.LEASE_LOST;
    }
    if (retry) {
      LOG.warn("Notification {} attempt {} via {} failed, retrying at {}: {}", entry.id(), entry.attempts(),
          entry.routeType(), next, error);
      return Outcome.RETRY_SCHEDULED;
    }
    LOG.error("Notification {} via {} given up after {} attempt(s): {}", entry.id(), entry.routeType(),
        entry.attempts(), error);
    return Outcome.DEAD;
  }

  /**
   * Claims and attempts due notifications one at a time on the calling thread until none is due or {@code max}
   * were attempted; returns the outcomes. For tests and tools; the service uses {@link DeliveryScheduler}.
   */
  public List<Outcome> drain(int max) {
    List<Outcome> outcomes = new ArrayList<>();
    while (outcomes.size() < max) {
      List<OutboxEntry> claimed = claim(1, Set.of());
      if (claimed.isEmpty()) {
        break;
      }
      outcomes.add(attempt(claimed.get(0)));
    }
    return outcomes;
  }
}
