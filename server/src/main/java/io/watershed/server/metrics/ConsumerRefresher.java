package io.watershed.server.metrics;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the consumer gauges from the graph every {@code watershed.metrics.consumer-refresh}. A failed refresh
 * (Neo4j unavailable) keeps the previous values and is tried again at the next tick.
 */
@Singleton
public class ConsumerRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(ConsumerRefresher.class);

  private final ConsumerQueries queries;
  private final ConsumerMetrics metrics;
  private volatile boolean failing;

  public ConsumerRefresher(ConsumerQueries queries, ConsumerMetrics metrics) {
    this.queries = queries;
    this.metrics = metrics;
  }

  @Scheduled(fixedDelay = "${watershed.metrics.consumer-refresh:30s}", initialDelay = "1s")
  public void refresh() {
    try {
      metrics.update(queries.read());
      if (failing) {
        LOG.info("Consumer metrics are computed again");
        failing = false;
      }
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("Could not compute the consumer metrics; keeping the previous values: {}", e.toString());
        failing = true;
      }
    }
  }
}
