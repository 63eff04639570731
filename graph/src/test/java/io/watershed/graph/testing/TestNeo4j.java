package io.watershed.graph.testing;

import io.watershed.graph.neo4j.EmbeddedNeo4j;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Neo4jContainer;

/**
 * The one Neo4j every test in a JVM shares. Where Docker runs, a Testcontainers Neo4j 5.26; elsewhere (these build
 * machines have no Docker engine) the same embedded Neo4j the application runs by default, on a free loopback port.
 * Set {@code -Dwatershed.test.neo4j=embedded} or {@code =container} to force one.
 */
public final class TestNeo4j {

  private static final Logger LOG = LoggerFactory.getLogger(TestNeo4j.class);
  private static final String IMAGE = "neo4j:5.26-community";
  private static TestNeo4j shared;

  private final String boltUri;
  private final Driver driver;
  private final String kind;

  private TestNeo4j(String boltUri, String kind) {
    this.boltUri = boltUri;
    this.kind = kind;
    this.driver = GraphDatabase.driver(boltUri, AuthTokens.none());
  }

  /** Starts the shared database on first use; it stops when the JVM exits. */
  public static synchronized TestNeo4j shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static TestNeo4j start() {
    String choice = System.getProperty("watershed.test.neo4j", "auto");
    boolean docker = !choice.equals("embedded") && dockerAvailable();
    if (choice.equals("container") && !docker) {
      throw new IllegalStateException("watershed.test.neo4j=container, but no Docker engine is reachable");
    }
    if (docker) {
      Neo4jContainer<?> container = new Neo4jContainer<>(IMAGE).withoutAuthentication();
      container.start();
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "neo4j-container-stop"));
      LOG.info("Tests use a Testcontainers Neo4j at {}", container.getBoltUrl());
      return new TestNeo4j(container.getBoltUrl(), "container");
    }
    Path home = tempDir();
    EmbeddedNeo4j embedded = EmbeddedNeo4j.start(home, 0, 128L * 1024 * 1024, Duration.ofSeconds(5));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  embedded.close();
                  delete(home);
                },
                "neo4j-embedded-stop"));
    LOG.info("Tests use an embedded Neo4j at {} (no Docker engine here)", embedded.boltUri());
    return new TestNeo4j(embedded.boltUri(), "embedded");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("watershed-test-neo4j");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: it is a temp directory.
    }
  }

  public String boltUri() {
    return boltUri;
  }

  public Driver driver() {
    return driver;
  }

  /** {@code embedded} or {@code container}. */
  public String kind() {
    return kind;
  }

  /** Deletes all data but keeps the schema (constraints, indexes and the record of applied migrations). */
  public void clean() {
    try (var session = driver.session()) {
      session
          .run(
              "MATCH (n) WHERE NOT n:SchemaMigration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS")
          .consume();
    }
  }
}
