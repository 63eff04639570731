package io.watershed.quality.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.watershed.quality.evaluation.SloState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compliance, error budget and burn rates over known intervals, computed by hand (the docs' worked example). */
class ComplianceCalculatorTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final Duration WINDOW = Duration.ofDays(30);

  /*
   * Window [Nov 1, Dec 1) = 30 days = 2,592,000 s; target 0.99.
   *   Oct 20 - Nov 10 12:00  IN_SLO      (clipped to Nov 1: 9.5 days = 820,800 s)
   *   Nov 10 12:00 - 16:00   OUT_OF_SLO  (4 h = 14,400 s)
   *   Nov 10 16:00 - Nov 11  UNKNOWN     (8 h = 28,800 s)
   *   Nov 11 - Nov 30 21:00  IN_SLO      (19 d 21 h = 1,717,200 s)
   *   Nov 30 21:00 - open    OUT_OF_SLO  (3 h = 10,800 s, until now)
   * in = 2,538,000 s; out = 25,200 s; unknown = 28,800 s; in + out + unknown = 2,592,000 s.
   * compliance = 2,538,000 / 2,563,200 = 0.990168...
   * budget = 0.01 x 2,592,000 = 25,920 s (7 h 12 min); remaining = 720 s; remaining ratio = 720 / 25,920 = 0.02777...
   * burn 1h = (3,600 / 3,600) / 0.01 = 100; burn 6h = (10,800 / 21,600) / 0.01 = 50.
   */
  private static final List<SloInterval> HISTORY = List.of(
      interval("2026-10-20T00:00:00Z", "2026-11-10T12:00:00Z", SloState.IN_SLO),
      interval("2026-11-10T12:00:00Z", "2026-11-10T16:00:00Z", SloState.OUT_OF_SLO),
      interval("2026-11-10T16:00:00Z", "2026-11-11T00:00:00Z", SloState.UNKNOWN),
      interval("2026-11-11T00:00:00Z", "2026-11-30T21:00:00Z", SloState.IN_SLO),
      interval("2026-11-30T21:00:00Z", null, SloState.OUT_OF_SLO));

  @Test
  void shouldComputeComplianceAndErrorBudgetExactlyFromIntervals() {
    SlaReport r = ComplianceCalculator.report(HISTORY, WINDOW, 0.99, NOW);
    assertThat(r.windowSeconds()).isEqualTo(2_592_000);
    assertThat(r.inSloSeconds()).isEqualTo(2_538_000.0);
    assertThat(r.outOfSloSeconds()).isEqualTo(25_200.0);
    assertThat(r.unknownSeconds()).isEqualTo(28_800.0);
    assertThat(r.compliance()).isCloseTo(2_538_000.0 / 2_563_200.0, within(1e-12));
    assertThat(r.errorBudgetSeconds()).isCloseTo(25_920.0, within(1e-6));
    assertThat(r.errorBudgetRemainingSeconds()).isCloseTo(720.0, within(1e-6));
    assertThat(r.errorBudgetRemainingRatio()).isCloseTo(720.0 / 25_920.0, within(1e-9));
    assertThat(r.burnRate1h()).isCloseTo(100.0, within(1e-9));
    assertThat(r.burnRate6h()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void shouldCountOnlyTheProductsLifetimeAndLeaveBudgetAndBurnOutWithoutATarget() {
    List<SloInterval> young = List.of(
        interval("2026-11-30T00:00:00Z", "2026-11-30T18:00:00Z", SloState.IN_SLO),
        interval("2026-11-30T18:00:00Z", null, SloState.OUT_OF_SLO));
    SlaReport r = ComplianceCalculator.report(young, WINDOW, null, NOW);
    assertThat(r.compliance()).isEqualTo(0.75); // 18 h of 24 h measured
    assertThat(r.errorBudgetSeconds()).isNull();
    assertThat(r.burnRate1h()).isNull();
  }

  @Test
  void shouldReportNoComplianceWhenNothingWasMeasuredAndAFullBudgetWithTargetOne() {
    SlaReport unknown = ComplianceCalculator.report(
        List.of(interval("2026-11-20T00:00:00Z", null, SloState.UNKNOWN)), WINDOW, 0.99, NOW);
    assertThat(unknown.compliance()).isNull();
    assertThat(unknown.errorBudgetRemainingRatio()).isEqualTo(1.0);

    SlaReport perfect = ComplianceCalculator.report(
        List.of(interval("2026-11-20T00:00:00Z", null, SloState.IN_SLO)), WINDOW, 1.0, NOW);
    assertThat(perfect.errorBudgetSeconds()).isZero();
    assertThat(perfect.errorBudgetRemainingRatio()).isEqualTo(1.0);
    assertThat(perfect.burnRate1h()).isNull();
  }

  private static SloInterval interval(String from, String to, SloState state) {
    return new SloInterval(Instant.parse(from), to == null ? null : Instant.parse(to), state, List.of());
  }
}
