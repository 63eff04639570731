package io.watershed.graph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j 5.26 DBMS that runs inside the Watershed JVM and is reached over Bolt on a loopback port, exactly as an
 * external server would be. Living in-process means it can never outlive Watershed: a {@code kill -9} takes both
 * down, and the store's file lock is released by the operating system with the process.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNeo4j.class);

  /** The DBMSs running in this JVM, by Bolt URI: a connection to one of them can skip Bolt for its writes. */
  private static final Map<String, EmbeddedNeo4j> RUNNING = new ConcurrentHashMap<>();

  private final DatabaseManagementService dbms;
  private final InetSocketAddress boltAddress;
  private final Path homeDir;

  private EmbeddedNeo4j(DatabaseManagementService dbms, InetSocketAddress boltAddress, Path homeDir) {
    this.dbms = dbms;
    this.boltAddress = boltAddress;
    this.homeDir = homeDir;
  }

  /**
   * Starts the DBMS with its files under {@code homeDir}.
   *
   * @param boltPort loopback port for Bolt, or 0 for any free port
   * @param pageCacheBytes page cache size; 0 lets Neo4j choose
   */
  public static EmbeddedNeo4j start(Path homeDir, int boltPort, long pageCacheBytes, Duration shutdownTimeout) {
    try {
      Files.createDirectories(homeDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create embedded Neo4j directory " + homeDir, e);
    }
    long started = System.nanoTime();
    DatabaseManagementServiceBuilder builder =
        new DatabaseManagementServiceBuilder(homeDir)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
            .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            // The in-JVM "local" Bolt channel does not run on the Netty 4.2 that Micronaut brings.
            .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, shutdownTimeout)
            .setConfig(GraphDatabaseSettings.udc_enabled, false);
    if (pageCacheBytes > 0) {
      builder.setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes);
    }
    DatabaseManagementService dbms = builder.build();
    GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
    ConnectorPortRegister ports = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class);
    var hostPort = ports.getLocalAddress(ConnectorType.BOLT);
    InetSocketAddress bolt = new InetSocketAddress(hostPort.getHost(), hostPort.getPort());
    LOG.info(
        "Embedded Neo4j started in {} ms: data under {}, Bolt on bolt://{}:{}",
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        homeDir.toAbsolutePath(),
        bolt.getHostString(),
        bolt.getPort());
    EmbeddedNeo4j running = new EmbeddedNeo4j(dbms, bolt, homeDir);
    RUNNING.put(running.boltUri(), running);
    return running;
  }

  /** The embedded DBMS of this JVM that serves {@code boltUri}, if there is one. */
  public static Optional<EmbeddedNeo4j> servingBolt(String boltUri) {
    return Optional.ofNullable(RUNNING.get(boltUri));
  }

  /** One database of this DBMS, for in-process transactions. */
  public GraphDatabaseService database(String name) {
    return dbms.database(name);
  }

  public String boltUri() {
    return "bolt://" + boltAddress.getHostString() + ":" + boltAddress.getPort();
  }

  public Path homeDir() {
    return homeDir;
  }

  @Override
  public void close() {
    LOG.info("Stopping embedded Neo4j");
    RUNNING.remove(boltUri(), this);
    dbms.shutdown();
  }

  static long mebibytes(long mib) {
    return ByteUnit.mebiBytes(mib);
  }
}
