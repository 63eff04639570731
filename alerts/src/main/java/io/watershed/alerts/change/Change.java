package io.watershed.alerts.change;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.rootcause.RootCauseKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A recorded change: something that happened to a dataset, job or product, with its time and evidence.
 *
 * @param id stable id derived from what was detected (kind, subject, run/event/version), so detecting the same thing
 *     twice records it once
 * @param at when it happened (event time)
 * @param evidence facts to check it by, in display order: {@code runId}, {@code eventId}, {@code check} ...
 * @param details kind-specific facts the resolution rules need
 * @param detectedAt when Watershed recorded it (null before it is stored)
 * @param resolvedAt when the problem ended, for RESOLVED changes
 * @param resolvedBy why it ended, e.g. {@code later run COMPLETE}, for RESOLVED changes
 */
public record Change(
    String id,
    ChangeKind kind,
    Subject subject,
    ChangeStatus status,
    Instant at,
    String description,
    Map<String, String> evidence,
    ChangeDetails details,
    @Nullable Instant detectedAt,
    @Nullable Instant resolvedAt,
    @Nullable String resolvedBy) {

  public Change {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(description, "description");
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    Objects.requireNonNull(details, "details");
  }

  /** A change as detected, before it is stored. */
  public static Change detected(
      String id,
      ChangeKind kind,
      Subject subject,
      ChangeStatus status,
      Instant at,
      String description,
      Map<String, String> evidence,
      ChangeDetails details) {
    return new Change(id, kind, subject, status, at, description, evidence, details, null, null, null);
  }

  /** The fingerprint of the root cause this change stands for; null for kinds that are not a root cause. */
  @Nullable
  public String fingerprint() {
    return kind.rootCauseKind() == null ? null : rootCause().fingerprint();
  }

  /** The root cause this change stands for; only for kinds that are one. */
  public RootCauseKey rootCause() {
    if (kind.rootCauseKind() == null) {
      throw new IllegalStateException(kind + " is not a root cause by itself");
    }
    return new RootCauseKey(kind.rootCauseKind(), subject.nodeId());
  }

  /** Kind-specific facts. */
  public record ChangeDetails(
      List<String> fields,
      @Nullable String check,
      @Nullable String column,
      @Nullable String lifecycleState,
      Map<String, String> brokenTypes) {

    public static final ChangeDetails NONE = new ChangeDetails(List.of(), null, null, null, Map.of());

    /**
     * @param fields the fields the change hits: removed, renamed (old name) or retyped fields; the check's column
     * @param brokenTypes for breaking schema changes: each broken field and its type before the change (empty text
     *     when unknown), which a later version must show again to restore it
     */
    public ChangeDetails {
      fields = List.copyOf(fields);
      brokenTypes = Map.copyOf(brokenTypes);
    }
  }
}
