package io.watershed.graph.impact;

/** How a node was found to be affected. */
public enum Precision {
  /** Through column lineage: it derives from a changed field. */
  COLUMN,
  /** Through job-level lineage: it reads or is written from something affected, columns unknown. */
  DATASET
}
