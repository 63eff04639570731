package io.watershed.alerts.change;

/** Where a change stands. */
public enum ChangeStatus {
  /** A problem that is still there; alerts caused by it keep firing. */
  OPEN,
  /** The problem is over (a later run completed, a later version restored the fields, the product is back in SLO). */
  RESOLVED,
  /** Worth recording, not a problem (fields added, a dataset overwritten). */
  INFO
}
