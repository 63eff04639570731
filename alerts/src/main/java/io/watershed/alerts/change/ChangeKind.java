package io.watershed.alerts.change;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.channel.RootCauseKind;

/**
 * What was detected. The names are stored as {@code Change.kind}; the graph module's root-cause walk reads the
 * open ones of the kinds that are also root-cause kinds.
 */
public enum ChangeKind {
  /** A run ended FAIL or ABORT. About its job. */
  RUN_FAILED(RootCauseKind.RUN_FAILED),
  /** A new version of a dataset lost, renamed or retyped fields. */
  SCHEMA_BREAKING(RootCauseKind.SCHEMA_BREAKING),
  /** A new version of a dataset only added fields. Recorded, never alerted. */
  SCHEMA_COMPATIBLE(null),
  /** A dataset was dropped, renamed, truncated (alerted) or overwritten (recorded only). */
  LIFECYCLE_CHANGE(RootCauseKind.LIFECYCLE_CHANGE),
  /** A data-quality assertion on a dataset failed. */
  CHECK_FAILED(RootCauseKind.CHECK_FAILED),
  /** A data product left its SLO (stale, incomplete, checks failing). About the product. */
  PRODUCT_OUT_OF_SLO(null);

  private final RootCauseKind rootCauseKind;

  ChangeKind(@Nullable RootCauseKind rootCauseKind) {
    this.rootCauseKind = rootCauseKind;
  }

  /** The root-cause kind a change of this kind stands for, or null when the root cause must be looked for. */
  @Nullable
  public RootCauseKind rootCauseKind() {
    return rootCauseKind;
  }
}
