package io.watershed.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ingest path's meters. Labels are bounded: {@code reason} is a fixed set, and {@code producer} is the
 * producer URI cut to host and two path segments (versions dropped), with at most {@link #MAX_PRODUCERS} distinct
 * values before the rest count as {@code other}.
 */
@Singleton
public class IngestMetrics {

  public static final String EVENTS = "watershed.ingest.events";
  public static final String LATENCY = "watershed.ingest.latency";
  public static final String TRANSACTION_EVENTS = "watershed.ingest.transaction.events";
  public static final String NEO4J_TRANSACTION = "watershed.neo4j.transaction";
  public static final String QUEUE = "watershed.ingest.queue.events";
  static final int MAX_PRODUCERS = 50;

  private final MeterRegistry registry;
  private final Set<String> producers = ConcurrentHashMap.newKeySet();
  private final Timer latency;
  private final DistributionSummary transactionEvents;
  private final Timer transaction;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency =
        Timer.builder(LATENCY)
            .description("Time from receiving an event to its commit in Neo4j")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    this.transactionEvents =
        DistributionSummary.builder(TRANSACTION_EVENTS)
            .description("Events written per Neo4j transaction (group commit)")
            .baseUnit("events")
            .publishPercentileHistogram()
            .minimumExpectedValue(1.0)
            .maximumExpectedValue(5000.0)
            .register(registry);
    this.transaction =
        Timer.builder(NEO4J_TRANSACTION)
            .description("Duration of Neo4j transactions, by operation")
            .tag("operation", "ingest")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
  }

  void accepted(String producer) {
    counter("accepted", "none", producer).increment();
  }

  /** An event refused for the given reason (a lower-case constant). */
  public void rejected(String reason, String producer) {
    counter("rejected", reason, producer).increment();
  }

  void failed(String reason, String producer) {
    counter("failed", reason, producer).increment();
  }

  Timer latency() {
    return latency;
  }

  Timer transaction() {
    return transaction;
  }

  void transactionSize(int events) {
    transactionEvents.record(events);
  }

  MeterRegistry registry() {
    return registry;
  }

  private Counter counter(String outcome, String reason, String producer) {
    return Counter.builder(EVENTS)
        .description("OpenLineage events received, by outcome, reason and producer")
        .tag("outcome", outcome)
        .tag("reason", reason)
        .tag("producer", producerLabel(producer))
        .register(registry);
  }

  String producerLabel(String producer) {
    String label = normalise(producer);
    if (producers.contains(label)) {
      return label;
    }
    if (producers.size() >= MAX_PRODUCERS) {
      return "other";
    }
    producers.add(label);
    return label;
  }

  /** {@code https://github.com/apache/airflow/tree/providers-openlineage/1.14.0} becomes {@code github.com/apache/airflow}. */
  static String normalise(String producer) {
    if (producer == null || producer.isBlank()) {
      return "unknown";
    }
    try {
      URI uri = URI.create(producer.trim());
      String host = uri.getHost() == null ? (uri.getScheme() == null ? "" : uri.getScheme()) : uri.getHost();
      String path = uri.getPath() == null ? "" : uri.getPath();
      String[] parts = path.split("/");
      StringBuilder out = new StringBuilder(host);
      int kept = 0;
      for (String part : parts) {
        if (part.isEmpty()) {
          continue;
        }
        if (kept == 2) {
          break;
        }
        out.append('/').append(part);
        kept++;
      }
      String label = out.toString().toLowerCase(Locale.ROOT);
      return label.isEmpty() ? "unknown" : label.length() > 80 ? label.substring(0, 80) : label;
    } catch (IllegalArgumentException e) {
      return "unparseable";
    }
  }
}
