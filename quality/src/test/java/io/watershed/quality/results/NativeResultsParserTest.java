package io.watershed.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.api.ApiError;
import io.watershed.quality.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NativeResultsParserTest {

  private final NativeResultsParser parser =
      new NativeResultsParser(Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC), 3);

  @Test
  void shouldReadResultsAndDeriveCompletenessAndRowCounts() {
    QualityBatch batch = parser.parse(bytes("""
        {"producer": "https://example.com/quality-runner", "results": [
          {"dataset": {"namespace": "bigquery", "name": "p.d.orders"}, "check": "customer_id_complete",
           "column": "customer_id", "dimension": "completeness", "success": true, "observedValue": 0.97,
           "threshold": 0.95, "time": "2026-11-21T10:00:00Z"},
          {"dataset": {"namespace": "bigquery", "name": "p.d.orders"}, "check": "orders_volume",
           "dimension": "volume", "success": true, "observedValue": 1200, "time": "2026-11-21T10:00:00+02:00",
           "producer": "https://example.com/other", "runId": "run-1"}]}
        """));
    assertThat(batch.checks()).hasSize(2);
    assertThat(batch.checks().get(0).producer()).isEqualTo("https://example.com/quality-runner");
    assertThat(batch.checks().get(1).time()).isEqualTo(Instant.parse("2026-11-21T08:00:00Z"));
    assertThat(batch.metrics()).hasSize(2);
    assertThat(batch.metrics().get(0).nonNullRatio()).isEqualTo(0.97);
    assertThat(batch.metrics().get(1).rowCount()).isEqualTo(1200);
  }

  @Test
  void shouldNameEveryBadFieldAndAcceptNothing() {
    assertThatThrownBy(() -> parser.parse(bytes("""
        {"results": [
          {"dataset": {"namespace": "bigquery"}, "check": "c", "success": "yes", "time": "yesterday"},
          {"dataset": {"namespace": "n", "name": "t"}, "check": "c", "column": "x", "dimension": "completness",
           "success": true, "time": "2026-11-21T10:00:00Z", "sucess": true},
          {"dataset": {"namespace": "n", "name": "t"}, "check": "c", "column": "x", "dimension": "completeness",
           "success": true, "observedValue": 97, "time": "2026-11-21T13:00:00Z"}]}
        """)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(ApiError.Problem::field)
            .containsExactly("results[0].dataset.name", "results[0].success", "results[0].time",
                "results[1].sucess", "results[1].dimension", "results[2].time", "results[2].observedValue"));
  }

  @Test
  void shouldRefuseABatchOverItsLimitAndBodiesThatAreNotObjects() {
    String one = "{\"dataset\":{\"namespace\":\"n\",\"name\":\"t\"},\"check\":\"c\",\"success\":true,"
        + "\"time\":\"2026-11-21T10:00:00Z\"}";
    assertThatThrownBy(() -> parser.parse(bytes("{\"results\":[" + String.join(",", one, one, one, one) + "]}")))
        .hasMessageContaining("results: must hold at most 3 results");
    assertThatThrownBy(() -> parser.parse(bytes("[1]"))).hasMessageContaining("must be a JSON object");
    assertThatThrownBy(() -> parser.parse(bytes("{\"results\":"))).hasMessageContaining("is not valid JSON");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
