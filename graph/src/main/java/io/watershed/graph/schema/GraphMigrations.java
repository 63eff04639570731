package io.watershed.graph.schema;

import jakarta.inject.Singleton;
import java.util.List;

/** The provenance graph's own constraints and indexes. */
@Singleton
public class GraphMigrations implements MigrationSet {

  @Override
  public String module() {
    return "graph";
  }

  @Override
  public List<String> scripts() {
    return List.of(
        "db/migration/graph/V001__keys.cypher", "db/migration/graph/V002__lookup_indexes.cypher");
  }
}
