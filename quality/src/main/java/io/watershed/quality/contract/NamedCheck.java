package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * A check run by some other tool (dbt test, Great Expectations, Soda ...) that must pass; Watershed matches it by
 * name against reported assertion results (OpenLineage {@code dataQualityAssertions}).
 *
 * @param dataset the output port it runs on, or null for any output port
 * @param column the column it checks, or null for a dataset-level check
 */
public record NamedCheck(
    String name, @Nullable DatasetRef dataset, @Nullable String column, @Nullable String description) {

  public NamedCheck {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("check name must not be empty");
    }
  }

  public boolean appliesTo(DatasetRef port) {
    return dataset == null || dataset.equals(port);
  }
}
