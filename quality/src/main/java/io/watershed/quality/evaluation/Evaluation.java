package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The verdict on one product at one instant, with the evidence of every objective.
 *
 * @param reasons why the product is not IN_SLO (violations when OUT_OF_SLO, what has no data when UNKNOWN)
 * @param violatedSince when OUT_OF_SLO: the earliest instant a current violation is known to have started (a stale
 *     port: just after its deadline; others: when they were judged), so a state change is recorded when it happened,
 *     not when the scheduler noticed
 * @param nextDeadline the next instant after which the verdict can change by time alone (a fresh port turning stale),
 *     null when none
 * @param freshnessObjective null when the contract has none
 */
public record Evaluation(
    String product,
    Instant at,
    SloState state,
    List<Reason> reasons,
    @Nullable Instant violatedSince,
    @Nullable Instant nextDeadline,
    @Nullable Duration freshnessObjective,
    List<PortFreshness> freshness,
    List<ColumnCompleteness> completeness,
    List<RowCountStatus> rowCounts,
    List<CheckStatus> checks) {

  public Evaluation {
    reasons = List.copyOf(reasons);
    freshness = List.copyOf(freshness);
    completeness = List.copyOf(completeness);
    rowCounts = List.copyOf(rowCounts);
    checks = List.copyOf(checks);
  }

  public List<String> reasonTexts() {
    return reasons.stream().map(Reason::toString).toList();
  }

  /** Share of named checks with a result whose latest results passed; null when no check has a result. */
  public @Nullable Double checksPassingRatio() {
    long judged = checks.stream().filter(c -> c.status() != ObjectiveStatus.NO_DATA).count();
    if (judged == 0) {
      return null;
    }
    long met = checks.stream().filter(c -> c.status() == ObjectiveStatus.MET).count();
    return (double) met / judged;
  }
}
