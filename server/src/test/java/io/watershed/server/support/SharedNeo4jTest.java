package io.watershed.server.support;

import io.micronaut.test.support.TestPropertyProvider;
import io.watershed.graph.testing.TestNeo4j;
import java.util.Map;

/**
 * Points the application under test at the suite's shared Neo4j (embedded here, Testcontainers where Docker runs)
 * instead of starting an embedded one per test class. Micronaut reads these properties only from PER_CLASS test
 * instances: implementing classes must be annotated {@code @TestInstance(TestInstance.Lifecycle.PER_CLASS)}.
 */
public interface SharedNeo4jTest extends TestPropertyProvider {

  @Override
  default Map<String, String> getProperties() {
    return Map.of("watershed.neo4j.uri", TestNeo4j.shared().boltUri(), "micronaut.server.port", "-1");
  }
}
