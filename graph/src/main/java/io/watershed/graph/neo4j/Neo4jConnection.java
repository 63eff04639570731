package io.watershed.graph.neo4j;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.SessionConfig;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the Bolt driver and, when no external server is configured, the embedded DBMS behind it. Closing it closes
 * the driver first, then the DBMS, so in-flight transactions finish against a live database.
 */
@Singleton
public class Neo4jConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Neo4jConnection.class);

  private final EmbeddedNeo4j embedded;
  private final Driver driver;
  private final String database;
  @Nullable private final GraphDatabaseService inProcess;

  public Neo4jConnection(Neo4jSettings settings, @Value("${watershed.data-dir:./data}") String dataDir) {
    String uri;
    AuthToken auth;
    if (settings.external()) {
      this.embedded = null;
      uri = settings.getUri();
      auth =
          settings.getPassword() == null
              ? AuthTokens.none()
              : AuthTokens.basic(settings.getUser(), settings.getPassword());
      LOG.info("Using external Neo4j at {} as {}", uri, settings.getUser());
    } else {
      Neo4jSettings.Embedded e = settings.getEmbedded();
      this.embedded =
          EmbeddedNeo4j.start(
              Path.of(dataDir).toAbsolutePath().normalize().resolve("neo4j"),
              e.getBoltPort(),
              e.getPageCacheMb() * 1024 * 1024,
              e.getShutdownTimeout());
      uri = embedded.boltUri();
      auth = AuthTokens.none();
    }
    Config config =
        Config.builder()
            .withMaxConnectionPoolSize(settings.getMaxConnectionPoolSize())
            .withConnectionAcquisitionTimeout(
                settings.getConnectionAcquisitionTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .withLogging(Logging.slf4j())
            .build();
    this.driver = GraphDatabase.driver(uri, auth, config);
    this.database = settings.getDatabase();
    try {
      driver.verifyConnectivity();
    } catch (RuntimeException ex) {
      close();
      throw ex;
    }
    // An external URI may still be served by an embedded DBMS of this JVM (the test suite's shared database).
    EmbeddedNeo4j local = embedded != null ? embedded : EmbeddedNeo4j.servingBolt(uri).orElse(null);
    this.inProcess = settings.isInProcessWrites() && local != null ? local.database(database) : null;
    if (inProcess != null) {
      LOG.info("Ingest writes run in-process on the embedded database '{}'", database);
    }
  }

  public Driver driver() {
    return driver;
  }

  public String database() {
    return database;
  }

  public SessionConfig sessionConfig() {
    return SessionConfig.forDatabase(database);
  }

  /**
   * The database for in-process transactions when it runs in this JVM and in-process writes are enabled
   * ({@code watershed.neo4j.in-process-writes}); null means "use the driver".
   */
  public @Nullable GraphDatabaseService inProcessDatabase() {
    return inProcess;
  }

  public boolean embedded() {
    return embedded != null;
  }

  @PreDestroy
  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
