package io.watershed.bench.mesh;

import java.util.List;
import java.util.Optional;

/**
 * A dataset of the mesh with its (fixed) schema.
 *
 * @param source true for tables of the operational databases, which no job of the mesh writes
 */
public record DatasetDef(String domain, Store store, String namespace, String name, List<FieldDef> fields, boolean source) {

  public DatasetDef {
    fields = List.copyOf(fields);
  }

  public Optional<FieldDef> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }
}
