package io.watershed.quality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.evaluation.Observations.PortColumn;
import io.watershed.quality.evaluation.Observations.PortUpdate;
import io.watershed.quality.product.RegisteredProduct;
import io.watershed.quality.results.CheckResult;
import io.watershed.quality.results.Dimension;
import io.watershed.quality.results.MetricObservation;
import io.watershed.quality.results.ResultSource;
import io.watershed.quality.testing.Contracts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each objective at its edges: exactly at the threshold, just past it, no data, a port never written. */
class ProductEvaluatorTest {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final DatasetRef PORT = new DatasetRef(Contracts.NAMESPACE, Contracts.ORDERS);
  private static final Duration HOUR = Duration.ofHours(1);

  private final ProductEvaluator evaluator = new ProductEvaluator();
  private final RegisteredProduct freshOnly = Contracts.registered(Contracts.FRESHNESS_ONLY, T0);
  private final RegisteredProduct orders = Contracts.registered(Contracts.ORDERS_CONTRACT, T0);

  @Test
  void shouldBeFreshExactlyAtTheDeadlineAndStaleOneMillisecondLater() {
    Instant updated = T0.plus(Duration.ofMinutes(10));
    Observations obs = updatedAt(updated);

    Evaluation atDeadline = evaluator.evaluate(freshOnly, obs, updated.plus(HOUR));
    assertThat(atDeadline.state()).isEqualTo(SloState.IN_SLO);
    assertThat(atDeadline.freshness().get(0).ageSeconds()).isEqualTo(3600.0);
    assertThat(atDeadline.nextDeadline()).isEqualTo(updated.plus(HOUR));

    Evaluation after = evaluator.evaluate(freshOnly, obs, updated.plus(HOUR).plusMillis(1));
    assertThat(after.state()).isEqualTo(SloState.OUT_OF_SLO);
    assertThat(after.reasonTexts()).containsExactly("STALE:postgres://db.example.com:5432:shop.public.orders");
    assertThat(after.violatedSince()).as("stale from its deadline on, not from when it was noticed")
        .isEqualTo(updated.plus(HOUR));
    assertThat(after.nextDeadline()).isNull();
  }

  @Test
  void shouldBeUnknownWhileANeverWrittenPortIsWithinItsGraceAndOutOfSloAfter() {
    Evaluation early = evaluator.evaluate(freshOnly, Observations.NONE, T0.plus(HOUR));
    assertThat(early.state()).isEqualTo(SloState.UNKNOWN);
    assertThat(early.reasonTexts())
        .containsExactly("NO_DATA:freshness:postgres://db.example.com:5432:shop.public.orders");
    assertThat(early.nextDeadline()).isEqualTo(T0.plus(HOUR));

    Evaluation late = evaluator.evaluate(freshOnly, Observations.NONE, T0.plus(HOUR).plusMillis(1));
    assertThat(late.state()).isEqualTo(SloState.OUT_OF_SLO);
    assertThat(late.reasonTexts())
        .containsExactly("NEVER_UPDATED:postgres://db.example.com:5432:shop.public.orders");
    assertThat(late.violatedSince()).isEqualTo(T0.plus(HOUR));
  }

  @Test
  void shouldMeetCompletenessExactlyAtTheThresholdAndMissItBelow() {
    Instant now = T0.plusSeconds(60);
    Evaluation exactly = evaluator.evaluate(orders, full(95, 5), now);
    ColumnCompleteness c = exactly.completeness().get(0);
    assertThat(c.status()).isEqualTo(ObjectiveStatus.MET);
    assertThat(c.observedRatio()).isEqualTo(0.95);
    assertThat(exactly.state()).isEqualTo(SloState.IN_SLO);

    Evaluation below = evaluator.evaluate(orders, full(94, 6), now);
    assertThat(below.completeness().get(0).status()).isEqualTo(ObjectiveStatus.VIOLATED);
    assertThat(below.reasonTexts())
        .containsExactly("INCOMPLETE:postgres://db.example.com:5432:shop.public.orders:customer_id");
  }

  @Test
  void shouldCompareInDecimalWhereBinaryFloatingPointWouldMissTheThreshold() {
    // 93 of 100 non-null is exactly 0.93; in doubles 1 - 7/100.0 comes out just below 0.93.
    MetricObservation m = MetricObservation.nullCount("m", PORT, "c", 100, 7, T0, null, null,
        ResultSource.OPENLINEAGE, "dataQualityMetrics");
    assertThat(1 - 7 / 100.0 >= 0.93).isFalse();
    assertThat(ProductEvaluator.meets(m, 0.93)).isTrue();
    assertThat(ProductEvaluator.meets(m, 0.931)).isFalse();
  }

  @Test
  void shouldJudgeAnEmptyDatasetCompleteAndRowCountsInclusively() {
    MetricObservation empty = MetricObservation.nullCount("e", PORT, "customer_id", 0, 0, T0, null, null,
        ResultSource.OPENLINEAGE, "dataQualityMetrics");
    assertThat(ProductEvaluator.meets(empty, 1.0)).isTrue();

    assertThat(evaluator.evaluate(orders, withRows(100), T0).rowCounts().get(0).status())
        .isEqualTo(ObjectiveStatus.MET);
    assertThat(evaluator.evaluate(orders, withRows(1000), T0).rowCounts().get(0).status())
        .isEqualTo(ObjectiveStatus.MET);
    Evaluation over = evaluator.evaluate(orders, withRows(1001), T0);
    assertThat(over.rowCounts().get(0).status()).isEqualTo(ObjectiveStatus.VIOLATED);
    assertThat(over.reasonTexts()).contains("ROW_COUNT:postgres://db.example.com:5432:shop.public.orders");
    assertThat(evaluator.evaluate(orders, withRows(99), T0).state()).isEqualTo(SloState.OUT_OF_SLO);
  }

  @Test
  void shouldBeUnknownWithoutDataAndNameWhatIsMissing() {
    Evaluation e = evaluator.evaluate(orders, updatedAt(T0), T0.plusSeconds(1));
    assertThat(e.state()).isEqualTo(SloState.UNKNOWN);
    assertThat(e.reasonTexts()).containsExactly(
        "NO_DATA:completeness:postgres://db.example.com:5432:shop.public.orders:customer_id",
        "NO_DATA:row_count:postgres://db.example.com:5432:shop.public.orders",
        "NO_DATA:check:amount_positive");
    assertThat(e.checksPassingRatio()).isNull();
  }

  @Test
  void shouldJudgeAChecksLatestResultAndFailWhenItFailed() {
    CheckResult failed = check("r1", false, T0.plusSeconds(10));
    Observations obs = new Observations(Map.of(PORT, new PortUpdate(T0, null)),
        Map.of(new PortColumn(PORT, "customer_id"), metric(99, 1)), Map.of(PORT, rows(500)), List.of(failed));
    Evaluation e = evaluator.evaluate(orders, obs, T0.plusSeconds(20));
    assertThat(e.state()).isEqualTo(SloState.OUT_OF_SLO);
    assertThat(e.reasonTexts()).containsExactly("CHECK_FAILED:amount_positive");
    assertThat(e.checks().get(0).latest()).containsExactly(failed);
    assertThat(e.checksPassingRatio()).isZero();
  }

  private static Observations updatedAt(Instant at) {
    return new Observations(Map.of(PORT, new PortUpdate(at, new UpdateEvidence("run", "r", "ns", "job"))),
        Map.of(), Map.of(), List.of());
  }

  private static Observations full(long nonNull, long nulls) {
    return new Observations(Map.of(PORT, new PortUpdate(T0, null)),
        Map.of(new PortColumn(PORT, "customer_id"), metric(nonNull, nulls)), Map.of(PORT, rows(500)),
        List.of(check("ok", true, T0)));
  }

  private static Observations withRows(long count) {
    return new Observations(Map.of(PORT, new PortUpdate(T0, null)),
        Map.of(new PortColumn(PORT, "customer_id"), metric(100, 0)), Map.of(PORT, rows(count)),
        List.of(check("ok", true, T0)));
  }

  private static MetricObservation metric(long nonNull, long nulls) {
    return MetricObservation.nullCount("m", PORT, "customer_id", nonNull + nulls, nulls, T0, null, null,
        ResultSource.OPENLINEAGE, "dataQualityMetrics");
  }

  private static MetricObservation rows(long count) {
    return MetricObservation.rowCount("rows", PORT, count, T0, null, null, ResultSource.OPENLINEAGE,
        "outputStatistics");
  }

  private static CheckResult check(String id, boolean success, Instant time) {
    return new CheckResult(id, PORT, "amount_positive", null, Dimension.VALIDITY, success, null, null, time, "test",
        null, ResultSource.NATIVE);
  }
}
