package io.watershed.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.schema.GraphSchema;
import io.watershed.server.metrics.ConsumerSnapshot.ProductConsumers;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/** Reads every product's consumers from the graph, in one read transaction. */
@Singleton
public class ConsumerQueries {

  /** The windows of {@code watershed_product_reads}: their label values and lengths. */
  static final String LONG_WINDOW = "24h";
  static final String SHORT_WINDOW = "1h";
  static final Duration LONG = Duration.ofHours(24);
  static final Duration SHORT = Duration.ofHours(1);

  private final Neo4jConnection connection;
  private final Clock clock;
  private final MetricsSettings settings;
  private final Timer timer;

  /** @param schema injected only so that migrations have run before anything here reads the graph */
  public ConsumerQueries(
      GraphSchema schema, Neo4jConnection connection, Clock clock, MetricsSettings settings, MeterRegistry registry) {
    this.connection = connection;
    this.clock = clock;
    this.settings = settings;
    this.timer = Neo4jTimers.timer(registry, "consumer_metrics");
  }

  public ConsumerSnapshot read() {
    Instant now = clock.instant();
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return timer.record(() -> session.executeRead(tx -> read(tx, now)));
    }
  }

  private ConsumerSnapshot read(TransactionContext tx, Instant now) {
    Map<String, long[]> reads = new HashMap<>();
    Map<String, Object> readParams =
        Map.of("since", now.minus(LONG).atZone(ZoneOffset.UTC), "sinceShort", now.minus(SHORT).atZone(ZoneOffset.UTC));
    for (Record row : tx.run(ConsumerCypher.READS, readParams).list()) {
      reads.put(row.get("product").asString(), new long[] {row.get("reads").asLong(), row.get("readsShort").asLong()});
    }
    Map<String, Object> params =
        Map.of("since", now.minus(settings.consumerLookback()).atZone(ZoneOffset.UTC),
            "maxProducts", settings.maxProducts());
    List<ProductConsumers> products = new ArrayList<>();
    for (Record row : tx.run(ConsumerCypher.CONSUMERS, params).list()) {
      String product = row.get("product").asString();
      long[] r = reads.getOrDefault(product, new long[2]);
      products.add(new ProductConsumers(
          new ProductLabels(product, row.get("domain").asString()),
          row.get("consumerJobs").asLong(),
          new HashSet<>(row.get("consumerDomains").asList(v -> v.asString())),
          r[0],
          r[1]));
    }
    return new ConsumerSnapshot(products);
  }
}
