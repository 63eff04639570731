package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The schema one output port is expected to have.
 *
 * @param dataset the output port it describes, or null when it describes every output port (the short form has one
 *     schema for the whole product)
 * @param type the kind of dataset as written ({@code table}, {@code view}, {@code topic} ...), or null
 */
public record DatasetSchema(@Nullable DatasetRef dataset, @Nullable String type, List<ColumnSpec> columns) {

  public DatasetSchema {
    columns = List.copyOf(columns);
  }

  public boolean appliesTo(DatasetRef port) {
    return dataset == null || dataset.equals(port);
  }
}
