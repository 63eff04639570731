package io.watershed.quality.evaluation;

import io.watershed.quality.contract.CompletenessObjective;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.NamedCheck;
import io.watershed.quality.contract.RowCountObjective;
import io.watershed.quality.evaluation.Observations.PortColumn;
import io.watershed.quality.evaluation.Observations.PortUpdate;
import io.watershed.quality.product.RegisteredProduct;
import io.watershed.quality.results.CheckResult;
import io.watershed.quality.results.MetricObservation;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Judges a product's contract against observations, exactly and with evidence (docs/quality.md explains every rule
 * with a worked example). Pure: no I/O, no clock; "now" is a parameter.
 *
 * <ul>
 *   <li>Freshness: a port is fresh while {@code now <= lastUpdate + objective} (at the threshold it still passes).
 *       A port never written has no data while {@code now <= activeSince + objective}, and is a violation
 *       ({@code NEVER_UPDATED}) after.
 *   <li>Completeness: the latest observation of the column; met when {@code nonNull / rows >= minRatio}, compared
 *       exactly in decimal. An empty dataset has no nulls.
 *   <li>Row count: the latest row count within the inclusive range.
 *   <li>Checks: the latest result per port and column; met when all passed.
 * </ul>
 *
 * The state is OUT_OF_SLO when anything is violated, else UNKNOWN when something has no data (or nothing can be
 * measured), else IN_SLO.
 */
public final class ProductEvaluator {

  public Evaluation evaluate(RegisteredProduct product, Observations observations, Instant now) {
    DataProductContract contract = product.contract();
    List<Reason> violations = new ArrayList<>();
    List<Reason> missing = new ArrayList<>();
    List<Instant> since = new ArrayList<>();
    List<Instant> deadlines = new ArrayList<>();

    List<PortFreshness> freshness = new ArrayList<>();
    Duration objective = contract.freshness();
    if (objective != null) {
      for (DatasetRef port : contract.outputPorts()) {
        PortFreshness f = freshness(port, observations.updates().get(port), objective, product.activeSince(), now);
        freshness.add(f);
        switch (f.status()) {
          case MET -> deadlines.add(f.deadline());
          case NO_DATA -> {
            deadlines.add(f.deadline());
            missing.add(new Reason(Reason.NO_DATA, "freshness:" + subject(port)));
          }
          case VIOLATED -> {
            violations.add(new Reason(f.lastUpdate() == null ? Reason.NEVER_UPDATED : Reason.STALE, subject(port)));
            since.add(f.deadline());
          }
        }
      }
    }

    List<ColumnCompleteness> completeness = new ArrayList<>();
    List<RowCountStatus> rowCounts = new ArrayList<>();
    for (DatasetRef port : contract.outputPorts()) {
      for (CompletenessObjective o : contract.quality().completenessFor(port)) {
        MetricObservation m = observations.columnMetrics().get(new PortColumn(port, o.column()));
        ColumnCompleteness c = completeness(port, o, m);
        completeness.add(c);
        String subject = subject(port) + ":" + o.column();
        tally(c.status(), Reason.INCOMPLETE, subject, "completeness:" + subject, violations, missing, since, now);
      }
      for (RowCountObjective o : contract.quality().rowCountsFor(port)) {
        RowCountStatus r = rowCount(port, o, observations.rowCounts().get(port));
        rowCounts.add(r);
        tally(r.status(), Reason.ROW_COUNT, subject(port), "row_count:" + subject(port), violations, missing, since,
            now);
      }
    }

    List<CheckStatus> checks = new ArrayList<>();
    for (NamedCheck check : contract.quality().checks()) {
      CheckStatus c = check(check, contract.outputPorts(), observations.checks());
      checks.add(c);
      tally(c.status(), Reason.CHECK_FAILED, check.name(), "check:" + check.name(), violations, missing, since, now);
    }

    SloState state;
    List<Reason> reasons;
    if (!violations.isEmpty()) {
      state = SloState.OUT_OF_SLO;
      reasons = violations;
    } else if (contract.outputPorts().isEmpty()) {
      state = SloState.UNKNOWN;
      reasons = List.of(new Reason(Reason.NO_OUTPUT_PORTS, ""));
    } else if (objective == null && contract.quality().isEmpty()) {
      state = SloState.UNKNOWN;
      reasons = List.of(new Reason(Reason.NO_OBJECTIVES, ""));
    } else if (!missing.isEmpty()) {
      state = SloState.UNKNOWN;
      reasons = missing;
    } else {
      state = SloState.IN_SLO;
      reasons = List.of();
    }
    Instant violatedSince = state == SloState.OUT_OF_SLO
        ? since.stream().min(Comparator.naturalOrder()).orElse(now) : null;
    Instant nextDeadline = deadlines.stream().min(Comparator.naturalOrder()).orElse(null);
    return new Evaluation(product.name().value(), now, state, reasons, violatedSince, nextDeadline, objective,
        freshness, completeness, rowCounts, checks);
  }

  static PortFreshness freshness(
      DatasetRef port, PortUpdate update, Duration objective, Instant activeSince, Instant now) {
    Instant last = update == null ? null : update.lastModifiedAt();
    if (last == null) {
      Instant grace = activeSince.plus(objective);
      ObjectiveStatus status = now.isAfter(grace) ? ObjectiveStatus.VIOLATED : ObjectiveStatus.NO_DATA;
      return new PortFreshness(port, status, null, null, grace, null);
    }
    Instant deadline = last.plus(objective);
    double age = Math.max(0, Duration.between(last, now).toMillis()) / 1000.0;
    ObjectiveStatus status = now.isAfter(deadline) ? ObjectiveStatus.VIOLATED : ObjectiveStatus.MET;
    return new PortFreshness(port, status, last, age, deadline, update.evidence());
  }

  static ColumnCompleteness completeness(DatasetRef port, CompletenessObjective o, MetricObservation m) {
    if (m == null) {
      return new ColumnCompleteness(port, o.column(), o.minRatio(), null, null, null, ObjectiveStatus.NO_DATA, null);
    }
    return new ColumnCompleteness(port, o.column(), o.minRatio(), m.nonNullRatio(), m.rowCount(), m.nullCount(),
        meets(m, o.minRatio()) ? ObjectiveStatus.MET : ObjectiveStatus.VIOLATED, MetricEvidence.of(m));
  }

  /**
   * Exact: with counts, {@code (rows - nulls) >= minRatio * rows} in decimal arithmetic, so 95 of 100 meets 0.95
   * whatever binary floating point would say; with only a ratio, the two decimals are compared.
   */
  static boolean meets(MetricObservation m, double minRatio) {
    BigDecimal min = BigDecimal.valueOf(minRatio);
    if (m.rowCount() != null && m.nullCount() != null) {
      if (m.rowCount() <= 0) {
        return true;
      }
      BigDecimal nonNull = BigDecimal.valueOf(m.rowCount() - m.nullCount());
      return nonNull.compareTo(min.multiply(BigDecimal.valueOf(m.rowCount()))) >= 0;
    }
    return BigDecimal.valueOf(Objects.requireNonNull(m.nonNullRatio())).compareTo(min) >= 0;
  }

  static RowCountStatus rowCount(DatasetRef port, RowCountObjective o, MetricObservation m) {
    if (m == null) {
      return new RowCountStatus(port, o.min(), o.max(), null, ObjectiveStatus.NO_DATA, null);
    }
    long rows = Objects.requireNonNull(m.rowCount());
    return new RowCountStatus(port, o.min(), o.max(), rows,
        o.allows(rows) ? ObjectiveStatus.MET : ObjectiveStatus.VIOLATED, MetricEvidence.of(m));
  }

  static CheckStatus check(NamedCheck check, List<DatasetRef> ports, List<CheckResult> results) {
    List<CheckResult> latest = results.stream()
        .filter(r -> r.check().equals(check.name()))
        .filter(r -> check.dataset() == null ? ports.contains(r.dataset()) : check.dataset().equals(r.dataset()))
        .filter(r -> check.column() == null || check.column().equals(r.column()))
        .sorted(Comparator.comparing(CheckResult::dataset)
            .thenComparing(r -> r.column() == null ? "" : r.column()))
        .toList();
    ObjectiveStatus status = latest.isEmpty()
        ? ObjectiveStatus.NO_DATA
        : latest.stream().allMatch(CheckResult::success) ? ObjectiveStatus.MET : ObjectiveStatus.VIOLATED;
    return new CheckStatus(check.name(), check.dataset(), check.column(), status, latest);
  }

  private static void tally(ObjectiveStatus status, String kind, String subject, String missingSubject,
      List<Reason> violations, List<Reason> missing, List<Instant> since, Instant now) {
    if (status == ObjectiveStatus.VIOLATED) {
      violations.add(new Reason(kind, subject));
      since.add(now);
    } else if (status == ObjectiveStatus.NO_DATA) {
      missing.add(new Reason(Reason.NO_DATA, missingSubject));
    }
  }

  static String subject(DatasetRef port) {
    return port.namespace() + ":" + port.name();
  }
}
