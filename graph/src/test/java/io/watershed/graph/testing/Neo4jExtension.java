package io.watershed.graph.testing;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.neo4j.Neo4jSettings;
import io.watershed.graph.schema.GraphMigrations;
import io.watershed.graph.schema.SchemaMigrator;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for graph-level tests without Micronaut: shares {@link TestNeo4j}, applies the graph schema
 * once, cleans the data before each test, and injects a {@link Neo4jConnection} or {@link TestNeo4j}.
 */
public class Neo4jExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static Neo4jConnection connection;
  private static Neo4jConnection boltConnection;

  @Override
  public void beforeAll(ExtensionContext context) {
    connection();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    TestNeo4j.shared().clean();
  }

  /** A connection to the shared test database, schema applied. */
  public static synchronized Neo4jConnection connection() {
    if (connection == null) {
      Neo4jSettings settings = new Neo4jSettings();
      settings.setUri(TestNeo4j.shared().boltUri());
      connection = new Neo4jConnection(settings, "unused");
      new SchemaMigrator(connection.driver(), connection.database()).migrate(List.of(new GraphMigrations()));
    }
    return connection;
  }

  /**
   * A connection to the same database that never writes in-process: lets write tests cover the Bolt path too (with
   * an embedded test database, {@link #connection()} writes in-process).
   */
  public static synchronized Neo4jConnection boltConnection() {
    connection();
    if (boltConnection == null) {
      Neo4jSettings settings = new Neo4jSettings();
      settings.setUri(TestNeo4j.shared().boltUri());
      settings.setInProcessWrites(false);
      boltConnection = new Neo4jConnection(settings, "unused");
    }
    return boltConnection;
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> type = p.getParameter().getType();
    return type == Neo4jConnection.class || type == TestNeo4j.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == Neo4jConnection.class ? connection() : TestNeo4j.shared();
  }
}
