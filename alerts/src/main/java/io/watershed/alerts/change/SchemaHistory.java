package io.watershed.alerts.change;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Session;

/** Reads the schemas of dataset versions, and the version before each, from the graph. */
@Singleton
public class SchemaHistory {

  private final Neo4jConnection connection;

  public SchemaHistory(Neo4jConnection connection) {
    this.connection = connection;
  }

  /**
   * One version's schema and its predecessor's.
   *
   * @param previous the schema of the latest earlier version of the same dataset (by {@code createdAt}), null when
   *     this is the first version with a schema
   * @param superseded true when a later version with a schema exists already
   */
  public record VersionSchemas(
      String versionId,
      String namespace,
      String name,
      @Nullable String runId,
      String schema,
      Instant at,
      @Nullable String previous,
      @Nullable String previousVersion,
      boolean superseded) {}

  /** The versions among {@code versionIds} that have a schema. */
  public List<VersionSchemas> lookup(List<String> versionIds) {
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return session.executeRead(
          tx ->
              tx.run(ChangeCypher.VERSION_SCHEMAS, Map.of("versionIds", versionIds))
                  .list(
                      r ->
                          new VersionSchemas(
                              r.get("versionId").asString(),
                              r.get("namespace").asString(),
                              r.get("name").asString(),
                              GraphValues.text(r.get("runId")),
                              r.get("schema").asString(),
                              GraphValues.instant(r.get("at")),
                              GraphValues.text(r.get("previous")),
                              GraphValues.text(r.get("previousVersion")),
                              r.get("superseded").asBoolean())));
    }
  }
}
