package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;

/**
 * The range the row count of an output port must stay in, both ends inclusive; a missing end is unbounded.
 *
 * @param dataset the output port, or null for every output port
 */
public record RowCountObjective(@Nullable DatasetRef dataset, @Nullable Long min, @Nullable Long max) {

  public RowCountObjective {
    if (min == null && max == null) {
      throw new IllegalArgumentException("a row-count objective needs a min, a max or both");
    }
    if (min != null && min < 0) {
      throw new IllegalArgumentException("row-count min must not be negative: " + min);
    }
    if (max != null && max < 0) {
      throw new IllegalArgumentException("row-count max must not be negative: " + max);
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("row-count min " + min + " is greater than max " + max);
    }
  }

  public boolean appliesTo(DatasetRef port) {
    return dataset == null || dataset.equals(port);
  }

  public boolean allows(long rows) {
    return (min == null || rows >= min) && (max == null || rows <= max);
  }
}
