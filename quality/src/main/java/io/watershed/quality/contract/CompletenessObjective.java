package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * The smallest share of non-null values a column must have: {@code 1.0} allows no nulls, {@code 0.95} allows 5%.
 *
 * @param dataset the output port the column belongs to, or null for the column of that name in every output port
 */
public record CompletenessObjective(@Nullable DatasetRef dataset, String column, double minRatio) {

  public CompletenessObjective {
    Objects.requireNonNull(column, "column");
    if (!(minRatio >= 0.0 && minRatio <= 1.0)) {
      throw new IllegalArgumentException("completeness of " + column + " must be between 0 and 1: " + minRatio);
    }
  }

  public boolean appliesTo(DatasetRef port) {
    return dataset == null || dataset.equals(port);
  }

  /** Whether {@code nonNull} of {@code rows} values meet the objective; an empty dataset meets every objective. */
  public boolean isMetBy(long nonNull, long rows) {
    return rows <= 0 || (double) nonNull / rows >= minRatio;
  }
}
