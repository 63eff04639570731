package io.watershed.alerts.channel;

import java.util.Locale;

/** The kind of failure an alert is grouped by. A closed set, so it can be an Alertmanager label. */
public enum RootCauseKind {
  /** A job run ended in FAIL or ABORT. */
  RUN_FAILED("run failed"),
  /** A dataset's schema changed in a way its consumers cannot read (a column dropped, renamed or retyped). */
  SCHEMA_BREAKING("breaking schema change"),
  /** A dataset was dropped, renamed or truncated (OpenLineage {@code lifecycleStateChange}). */
  LIFECYCLE_CHANGE("dataset dropped, renamed or truncated"),
  /** A dataset was not updated within its freshness objective. */
  STALE("stale data"),
  /** A dataset is below its completeness thresholds (null ratios, row counts). */
  INCOMPLETE("incomplete data"),
  /** A quality check on a dataset failed. */
  CHECK_FAILED("quality check failed");

  private final String description;

  RootCauseKind(String description) {
    this.description = description;
  }

  /** Lowercase name used in payloads and labels, e.g. {@code run_failed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Short phrase for people, e.g. "run failed". */
  public String description() {
    return description;
  }
}
