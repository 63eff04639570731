package io.watershed.alerts.alert;

/** Where an alert stands. */
public enum AlertState {
  /** The problem is there. */
  FIRING,
  /** The problem is over (recovered, or acknowledged where acknowledging ends it). */
  RESOLVED
}
