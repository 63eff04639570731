package io.watershed.quality.evaluation;

/** Whether a product meets its contract right now. */
public enum SloState {
  /** Every objective has data and meets it. */
  IN_SLO,
  /** At least one objective is violated. */
  OUT_OF_SLO,
  /** Nothing is violated, but some objective cannot be judged yet (no data), or there is nothing to judge. */
  UNKNOWN
}
