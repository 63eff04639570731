package io.watershed.server.health;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.Session;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /health} includes whether Neo4j answers a query, and which Neo4j it is. */
@Singleton
public class Neo4jHealthIndicator implements HealthIndicator {

  private final Neo4jConnection connection;

  public Neo4jHealthIndicator(Neo4jConnection connection) {
    this.connection = connection;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
  }

  private HealthResult check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mode", connection.embedded() ? "embedded" : "external");
    details.put("database", connection.database());
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      var record =
          session
              .run("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition")
              .single();
      details.put("version", record.get("version").asString());
      details.put("edition", record.get("edition").asString());
      return HealthResult.builder("neo4j", HealthStatus.UP).details(details).build();
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
      return HealthResult.builder("neo4j", HealthStatus.DOWN).details(details).build();
    }
  }
}
