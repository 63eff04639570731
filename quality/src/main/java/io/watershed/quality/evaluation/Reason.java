package io.watershed.quality.evaluation;

import java.util.Objects;

/**
 * Why a product is in its state, machine-readable: {@code KIND:subject}, e.g. {@code STALE:bigquery:proj.ds.orders}
 * or {@code INCOMPLETE:bigquery:proj.ds.orders:customer_id}. The kinds are constants here; docs/quality.md lists
 * them. Subjects are {@code namespace:name[:column]} of a port, or a check name.
 */
public record Reason(String kind, String subject) {

  /** A port is older than the freshness objective. */
  public static final String STALE = "STALE";
  /** A port was never written, and the product has existed longer than its freshness objective. */
  public static final String NEVER_UPDATED = "NEVER_UPDATED";
  /** A column's non-null ratio is below its objective. */
  public static final String INCOMPLETE = "INCOMPLETE";
  /** A port's row count is outside its range. */
  public static final String ROW_COUNT = "ROW_COUNT";
  /** The latest result of a named check failed. */
  public static final String CHECK_FAILED = "CHECK_FAILED";
  /** An objective has nothing measured yet ({@code NO_DATA:freshness:...}, {@code NO_DATA:check:...}). */
  public static final String NO_DATA = "NO_DATA";
  /** The contract has no output port, so nothing can be measured. */
  public static final String NO_OUTPUT_PORTS = "NO_OUTPUT_PORTS";
  /** The contract sets no objective at all. */
  public static final String NO_OBJECTIVES = "NO_OBJECTIVES";

  public Reason {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
  }

  @Override
  public String toString() {
    return subject.isEmpty() ? kind : kind + ":" + subject;
  }
}
