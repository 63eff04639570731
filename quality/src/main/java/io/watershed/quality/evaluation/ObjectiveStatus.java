package io.watershed.quality.evaluation;

/** The verdict on one objective (one port's freshness, one column's completeness, one check ...). */
public enum ObjectiveStatus {
  MET,
  VIOLATED,
  /** Nothing measured yet. */
  NO_DATA
}
