package io.watershed.graph.impact;

/**
 * What is wrong with an upstream node. The names are also the {@code kind} values of the alerts module's open
 * {@code Change} nodes that a root-cause walk reads, see docs/graph-model.md.
 */
public enum CauseKind {
  /** The latest finished run of a job failed or was aborted. */
  RUN_FAILED,
  /** A dataset's schema lost, renamed or retyped fields its consumers read. */
  SCHEMA_BREAKING,
  /** A dataset was dropped, renamed or truncated. */
  LIFECYCLE_CHANGE,
  /** A quality check on a dataset failed. */
  CHECK_FAILED,
  /** A dataset is older than a product's freshness objective. */
  STALE,
  /** A dataset is below a product's completeness thresholds. */
  INCOMPLETE
}
