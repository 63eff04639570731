package io.watershed.alerts.delivery;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.graph.schema.GraphSchema;
import jakarta.annotation.PreDestroy;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off the outbox in the background: one loop claims as many notifications as there are free send slots
 * ({@code concurrency}, at most {@code per-channel-concurrency} per channel type) and hands each to a small pool.
 * Each notification is claimed and sent on its own, so a dead or hanging channel holds at most its own slots and
 * its notifications back off, while the others keep going.
 */
@Context
@Requires(property = "watershed.alerts.enabled", notEquals = "false")
public class DeliveryScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DeliveryScheduler.class);

  private final DeliveryWorker worker;
  private final DeliverySettings settings;
  private final OutboxSignal signal;
  private final ExecutorService pool;
  private final Thread loop;
  private final Map<ChannelType, AtomicInteger> inFlight = new EnumMap<>(ChannelType.class);
  private final AtomicInteger total = new AtomicInteger();
  private volatile boolean running = true;

  /** {@code schema} is injected so the outbox is not touched before the schema migrations ran. */
  public DeliveryScheduler(DeliveryWorker worker, DeliverySettings settings, OutboxSignal signal, GraphSchema schema) {
    this.worker = worker;
    this.settings = settings;
    this.signal = signal;
    for (ChannelType type : ChannelType.values()) {
      inFlight.put(type, new AtomicInteger());
    }
    AtomicInteger threads = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "alert-delivery-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.loop = new Thread(this::run, "alert-delivery-claim");
    loop.setDaemon(true);
    loop.start();
    LOG.info("Alert delivery started as worker {} with {} send slots", worker.workerId(), settings.concurrency());
  }

  private void run() {
    while (running) {
      boolean more = false;
      try {
        more = claimAndDispatch();
      } catch (RuntimeException e) {
        // Neo4j unavailable, a timeout: the outbox is still there; try again after a poll interval.
        LOG.warn("Alert delivery could not claim notifications: {}", e.getMessage());
      }
      if (!more) {
        try {
          signal.await(settings.pollInterval());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Claims for the free slots; true when it filled them all (there may be more waiting). */
  private boolean claimAndDispatch() {
    int free = settings.concurrency() - total.get();
    if (free <= 0) {
      return false;
    }
    Set<ChannelType> saturated = EnumSet.noneOf(ChannelType.class);
    int busiestOpen = 0;
    for (Map.Entry<ChannelType, AtomicInteger> e : inFlight.entrySet()) {
      int n = e.getValue().get();
      if (n >= settings.perChannelConcurrency()) {
        saturated.add(e.getKey());
      } else {
        busiestOpen = Math.max(busiestOpen, n);
      }
    }
    if (saturated.size() == ChannelType.values().length) {
      return false;
    }
    // Whatever type the claimed notifications turn out to be, none may exceed its per-channel share.
    int limit = Math.min(free, settings.perChannelConcurrency() - busiestOpen);
    List<OutboxEntry> claimed = worker.claim(limit, saturated);
    for (OutboxEntry entry : claimed) {
      inFlight.get(entry.routeType()).incrementAndGet();
      total.incrementAndGet();
      pool.execute(() -> send(entry));
    }
    return claimed.size() == limit;
  }

  private void send(OutboxEntry entry) {
    try {
      worker.attempt(entry);
    } catch (RuntimeException e) {
      // Recording the outcome failed (Neo4j down): the lease runs out and the notification is tried again.
      LOG.warn("Could not record the outcome of notification {}: {}", entry.id(), e.getMessage());
    } finally {
      inFlight.get(entry.routeType()).decrementAndGet();
      total.decrementAndGet();
      signal.signal();
    }
  }

  @PreDestroy
  public void stop() {
    running = false;
    loop.interrupt();
    pool.shutdown();
    try {
      // Let attempts in flight finish (each is bounded by its channel's timeouts), so their outcomes are recorded.
      if (!pool.awaitTermination(settings.lease().toSeconds(), TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
