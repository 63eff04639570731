package io.watershed.quality;

import io.watershed.graph.schema.MigrationSet;
import jakarta.inject.Singleton;
import java.util.List;

/** Constraints and indexes of the labels the quality module owns (see docs/graph-model.md, "Data products"). */
@Singleton
public class QualityMigrations implements MigrationSet {

  @Override
  public String module() {
    return "quality";
  }

  @Override
  public List<String> scripts() {
    return List.of("db/migration/quality/V001__data_products.cypher");
  }
}
