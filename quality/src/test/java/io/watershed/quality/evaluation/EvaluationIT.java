package io.watershed.quality.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriter;
import io.watershed.quality.metrics.ProductMetricNames;
import io.watershed.quality.results.NativeResultsParser;
import io.watershed.quality.results.OpenLineageResultsWriter;
import io.watershed.quality.slo.SloInterval;
import io.watershed.quality.testing.Contracts;
import io.watershed.quality.testing.Events;
import io.watershed.quality.testing.MutableClock;
import io.watershed.quality.testing.QualityFixture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Evaluation against a real Neo4j: events, results, the clock passing a deadline, and a restart. */
@ExtendWith(Neo4jExtension.class)
class EvaluationIT {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final MutableClock clock = new MutableClock(T0);
  private final LineageWriter writer =
      new LineageWriter(Neo4jExtension.connection(), List.of(new OpenLineageResultsWriter(clock)));
  private QualityFixture quality = new QualityFixture(Neo4jExtension.connection(), clock).started();

  @AfterEach
  void stop() {
    quality.close();
  }

  @Test
  void shouldTurnOutOfSloWhenTheDeadlinePassesWithoutAnEvent() {
    quality.registry.putFromApi(Contracts.parse(Contracts.FRESHNESS_ONLY));
    quality.evaluation.flush();
    assertThat(state("orders-fresh")).isEqualTo(SloState.UNKNOWN);

    clock.set(T0.plus(Duration.ofMinutes(5)));
    commit(Events.complete("run-1", clock.instant(), Contracts.NAMESPACE, Contracts.ORDERS, "{}"));
    assertThat(state("orders-fresh")).isEqualTo(SloState.IN_SLO);

    clock.set(T0.plus(Duration.ofMinutes(65)));
    assertThat(quality.scheduler.runDue()).as("exactly at the deadline the port is still fresh").isEmpty();

    clock.set(T0.plus(Duration.ofMinutes(65)).plusSeconds(20));
    assertThat(quality.scheduler.runDue()).containsExactly("orders-fresh");
    quality.evaluation.flush();
    assertThat(state("orders-fresh")).isEqualTo(SloState.OUT_OF_SLO);

    ProductStateChanged last = quality.stateChanges.get(quality.stateChanges.size() - 1);
    assertThat(last.fromState()).isEqualTo("IN_SLO");
    assertThat(last.toState()).isEqualTo("OUT_OF_SLO");
    assertThat(last.at()).as("dated at the deadline, not at the tick").isEqualTo(T0.plus(Duration.ofMinutes(65)));
    assertThat(last.reasons()).containsExactly("STALE:postgres://db.example.com:5432:shop.public.orders");
    assertThat(quality.slo.intervals("orders-fresh", T0, clock.instant()))
        .extracting(SloInterval::state, SloInterval::from, SloInterval::to)
        .containsExactly(
            tuple(SloState.UNKNOWN, T0, T0.plus(Duration.ofMinutes(5))),
            tuple(SloState.IN_SLO, T0.plus(Duration.ofMinutes(5)),
                T0.plus(Duration.ofMinutes(65))),
            tuple(SloState.OUT_OF_SLO, T0.plus(Duration.ofMinutes(65)), null));
    assertThat(quality.scheduler.runDue()).as("a stale product has no deadline left").isEmpty();
  }

  @Test
  void shouldJudgeMetricsFromOpenLineageAndChecksFromTheNativeRoute() {
    quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT));
    clock.set(T0.plusSeconds(60));
    commit(Events.complete("run-2", clock.instant(), Contracts.NAMESPACE, Contracts.ORDERS, """
        {"outputStatistics": {"rowCount": 500},
         "dataQualityMetrics": {"rowCount": 500, "columnMetrics": {"customer_id": {"nullCount": 25}}}}
        """));
    Evaluation pending = quality.evaluation.evaluateNow("orders");
    assertThat(pending.state()).isEqualTo(SloState.UNKNOWN);
    assertThat(pending.reasonTexts()).containsExactly("NO_DATA:check:amount_positive");
    assertThat(pending.completeness().get(0).observedRatio()).isEqualTo(0.95);
    assertThat(pending.freshness().get(0).evidence().runId()).isEqualTo("run-2");
    assertThat(pending.freshness().get(0).evidence().jobName()).isEqualTo("load_orders");

    postNative(false, clock.instant());
    assertThat(quality.evaluation.evaluateNow("orders").reasonTexts()).containsExactly("CHECK_FAILED:amount_positive");
    clock.advance(Duration.ofSeconds(30));
    postNative(true, clock.instant());
    Evaluation passing = quality.evaluation.evaluateNow("orders");
    assertThat(passing.state()).isEqualTo(SloState.IN_SLO);
    assertThat(passing.checksPassingRatio()).isEqualTo(1.0);
    assertThat(quality.meters.get(ProductMetricNames.IN_SLO).tag("product", "orders").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void shouldKeepStateHistoryAndResultsAcrossARestartIncludingResultsOfAnEventNobodyWasToldAbout() {
    quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT));
    quality.evaluation.flush();
    clock.set(T0.plusSeconds(60));
    postNative(true, clock.instant());
    // Committed, but the server "crashed" before the listeners ran: its results were stored with it all the same.
    writer.write(List.of(Events.complete("run-3", clock.instant(), Contracts.NAMESPACE, Contracts.ORDERS, """
        {"outputStatistics": {"rowCount": 500},
         "dataQualityMetrics": {"rowCount": 500, "columnMetrics": {"customer_id": {"nullCount": 0}}}}
        """)));
    quality.close();

    clock.set(T0.plusSeconds(120));
    quality = new QualityFixture(Neo4jExtension.connection(), clock).started();
    assertThat(quality.registry.get("orders")).isPresent();
    assertThat(state("orders")).isEqualTo(SloState.IN_SLO);
    clock.advance(Duration.ofSeconds(60));
    assertThat(quality.slo.intervals("orders", T0, clock.instant()))
        .extracting(SloInterval::state, SloInterval::from)
        .containsExactly(tuple(SloState.UNKNOWN, T0),
            tuple(SloState.IN_SLO, T0.plusSeconds(120)));
    assertThat(quality.meters.get(ProductMetricNames.SLA_COMPLIANCE).tag("product", "orders").gauge().value())
        .as("rebuilt from the graph: in SLO for all the measured time").isEqualTo(1.0);
  }

  private void commit(LineageEvent event) {
    writer.write(List.of(event));
    quality.lineage.onApplicationEvent(new LineageCommitted(List.of(event)));
    quality.evaluation.flush();
  }

  private void postNative(boolean success, Instant time) {
    String body = """
        {"results": [{"dataset": {"namespace": "%s", "name": "%s"}, "check": "amount_positive",
          "dimension": "validity", "success": %s, "time": "%s", "producer": "https://example.com/checks"}]}
        """.formatted(Contracts.NAMESPACE, Contracts.ORDERS, success, time);
    quality.results.store(new NativeResultsParser(clock, 10).parse(body.getBytes(StandardCharsets.UTF_8)));
  }

  private SloState state(String product) {
    quality.evaluation.flush();
    return SloState.valueOf(quality.repository.state(product).orElseThrow().state());
  }
}
