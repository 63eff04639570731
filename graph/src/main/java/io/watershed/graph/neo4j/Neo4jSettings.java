package io.watershed.graph.neo4j;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Where the provenance graph lives. With no {@code uri} Watershed starts its own embedded Neo4j under the data
 * directory; with {@code uri} (env {@code WATERSHED_NEO4J_URI}) it uses that server and starts nothing.
 */
@ConfigurationProperties("watershed.neo4j")
public class Neo4jSettings {

  /** Bolt or neo4j URI of an external server, e.g. {@code neo4j://db:7687}; empty = embedded. */
  @Nullable private String uri;

  /** User for an external server. */
  private String user = "neo4j";

  /** Password for an external server; from config or env only, never logged. */
  @Nullable private String password;

  /** Database name. */
  private String database = "neo4j";

  /** Upper bound of Bolt connections the driver keeps. */
  private int maxConnectionPoolSize = 32;

  /** How long a request waits for a free connection before failing with 503. */
  private Duration connectionAcquisitionTimeout = Duration.ofSeconds(30);

  /**
   * Run the ingest writer's transactions in-process, without Bolt, when the database lives in this JVM (the embedded
   * default). Bolt encoding and a network round trip per statement cost a large share of the write path.
   */
  private boolean inProcessWrites = true;

  private final Embedded embedded = new Embedded();

  public boolean external() {
    return uri != null && !uri.isBlank();
  }

  public @Nullable String getUri() {
    return uri;
  }

  public void setUri(@Nullable String uri) {
    this.uri = uri;
  }

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public @Nullable String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  public String getDatabase() {
    return database;
  }

  public void setDatabase(String database) {
    this.database = database;
  }

  public int getMaxConnectionPoolSize() {
    return maxConnectionPoolSize;
  }

  public void setMaxConnectionPoolSize(int maxConnectionPoolSize) {
    this.maxConnectionPoolSize = maxConnectionPoolSize;
  }

  public Duration getConnectionAcquisitionTimeout() {
    return connectionAcquisitionTimeout;
  }

  public void setConnectionAcquisitionTimeout(Duration connectionAcquisitionTimeout) {
    this.connectionAcquisitionTimeout = connectionAcquisitionTimeout;
  }

  public boolean isInProcessWrites() {
    return inProcessWrites;
  }

  public void setInProcessWrites(boolean inProcessWrites) {
    this.inProcessWrites = inProcessWrites;
  }

  public Embedded getEmbedded() {
    return embedded;
  }

  @Override
  public String toString() {
    // The password stays out of logs and error messages.
    return "Neo4jSettings[uri=" + (external() ? uri : "embedded") + ", user=" + user + ", database=" + database + "]";
  }

  /** Settings of the embedded DBMS (ignored when {@code uri} is set). */
  @ConfigurationProperties("embedded")
  public static class Embedded {

    /** Loopback port for Bolt; 0 picks a free one (logged at start). */
    private int boltPort = 0;

    /** Page cache in MiB; 0 lets Neo4j size it from the machine's memory. */
    private long pageCacheMb = 512;

    /** How long shutdown waits for running transactions. */
    private Duration shutdownTimeout = Duration.ofSeconds(20);

    public int getBoltPort() {
      return boltPort;
    }

    public void setBoltPort(int boltPort) {
      this.boltPort = boltPort;
    }

    public long getPageCacheMb() {
      return pageCacheMb;
    }

    public void setPageCacheMb(long pageCacheMb) {
      this.pageCacheMb = pageCacheMb;
    }

    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }
  }
}
