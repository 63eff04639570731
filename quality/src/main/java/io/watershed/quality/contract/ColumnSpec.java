package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * One expected column. A primary-key column is always required (non-null), whatever the document says, so
 * {@code required} is true whenever {@code primaryKey} is.
 *
 * @param type the declared type as written ({@code string}, {@code varchar(18)} ...), or null when not declared
 */
public record ColumnSpec(
    String name, @Nullable String type, boolean primaryKey, boolean required, @Nullable String description) {

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("column name must not be empty");
    }
    required = required || primaryKey;
  }
}
