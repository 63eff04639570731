package io.watershed.alerts.testing;

import io.watershed.alerts.schema.AlertMigrations;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.schema.GraphMigrations;
import io.watershed.graph.schema.SchemaMigrator;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shared test database with the alerts module's schema applied too. */
public final class AlertsDatabase {

  private static boolean migrated;

  private AlertsDatabase() {}

  public static synchronized Neo4jConnection connection() {
    Neo4jConnection connection = Neo4jExtension.connection();
    if (!migrated) {
      new SchemaMigrator(connection.driver(), connection.database())
          .migrate(List.of(new GraphMigrations(), new AlertMigrations()));
      migrated = true;
    }
    return connection;
  }

  /**
   * Properties for a Micronaut context that only needs the beans (the alerts module's beans need a graph, which the
   * graph module opens at start): the shared test database, and no background work.
   */
  public static Map<String, Object> quietContext(Map<String, Object> more) {
    connection();
    Map<String, Object> all = new HashMap<>(more);
    all.put("watershed.neo4j.uri", TestNeo4j.shared().boltUri());
    all.put("watershed.alerts.enabled", "false");
    return all;
  }

  /** Properties that point a Micronaut context at the shared test database. */
  public static Map<String, String> micronautProperties() {
    connection();
    // The JSON settings of the server's application.yml: empty lists and nulls are written, times as text.
    return Map.of(
        "watershed.neo4j.uri", TestNeo4j.shared().boltUri(),
        "micronaut.server.port", "-1",
        "jackson.serialization-inclusion", "ALWAYS",
        "jackson.serialization.write-dates-as-timestamps", "false");
  }
}
