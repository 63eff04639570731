package io.watershed.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.watershed.quality.contract.DatasetRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OpenLineage facets to quality results: a real spec example, and each facet's rules. */
class OpenLineageResultsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

  @Test
  void shouldReadAssertionsAndOutputStatisticsOfTheSpecsFullExample() throws Exception {
    String shared = System.getProperty("watershed.shared.dir");
    Path file = shared == null ? null
        : Path.of(shared, "openlineage", "events", "spec-examples", "python_client_example_full_event.json");
    assumeTrue(file != null && Files.isRegularFile(file), "shared OpenLineage corpus not found: skipping");
    FacetedEvent event = FacetedEvent.of("e1", T, JSON.readTree(Files.readString(file)));

    QualityBatch batch = OpenLineageResults.convert(event);

    DatasetRef table = new DatasetRef("my-datasource-namespace", "instance.schema.table");
    assertThat(batch.checks()).extracting(CheckResult::check, CheckResult::column, CheckResult::success)
        .containsExactlyInAnyOrder(
            tuple("row_count_equal_to", null, true),
            tuple("no_null_values", "id", true));
    assertThat(batch.checks()).allMatch(c -> c.dataset().equals(table)
        && c.runId().equals("ea041791-68bc-4ae1-bd89-4c8106a157e4") && c.source() == ResultSource.OPENLINEAGE);
    assertThat(batch.metrics()).singleElement().satisfies(m -> {
      assertThat(m.rowCount()).isEqualTo(2000);
      assertThat(m.column()).isNull();
      assertThat(m.evidence()).isEqualTo("outputStatistics");
    });
  }

  @Test
  void shouldTurnNullCountsWithARowCountIntoCompletenessAndSkipThoseWithout() throws Exception {
    String payload = """
        {"eventTime":"2026-11-21T10:00:00Z","producer":"p","run":{"runId":"r"},
         "inputs":[{"namespace":"ns","name":"t","inputFacets":{"dataQualityMetrics":
           {"rowCount":200,"columnMetrics":{"a":{"nullCount":10},"b":{"distinctCount":3},"c":{"nullCount":201}}}}}]}
        """;
    QualityBatch batch = OpenLineageResults.convert(FacetedEvent.of("e2", T, JSON.readTree(payload)));
    assertThat(batch.metrics()).extracting(MetricObservation::column, MetricObservation::nonNullRatio)
        .containsExactlyInAnyOrder(
            tuple(null, null),
            tuple("a", 0.95));
  }

  @Test
  void shouldAttachTestFacetResultsToTheOutputsAndIgnoreSkippedTests() throws Exception {
    String payload = """
        {"eventTime":"2026-11-21T10:00:00Z","producer":"p","run":{"runId":"r","facets":{"test":{"tests":[
           {"name":"assert_no_orphans","status":"fail","type":"relationships","actual":"3","expected":"0"},
           {"name":"skipped_one","status":"skip"}]}}},
         "inputs":[{"namespace":"ns","name":"in"}],"outputs":[{"namespace":"ns","name":"out"}]}
        """;
    QualityBatch batch = OpenLineageResults.convert(FacetedEvent.of("e3", T, JSON.readTree(payload)));
    assertThat(batch.checks()).singleElement().satisfies(c -> {
      assertThat(c.check()).isEqualTo("assert_no_orphans");
      assertThat(c.dataset()).isEqualTo(new DatasetRef("ns", "out"));
      assertThat(c.success()).isFalse();
      assertThat(c.observedValue()).isEqualTo(3.0);
      assertThat(c.threshold()).isEqualTo(0.0);
      assertThat(c.dimension()).isEqualTo(Dimension.CONSISTENCY);
    });
  }

  @Test
  void shouldGiveTheSameIdsToTheSameEventSoAResendStoresNothingNew() throws Exception {
    String payload = """
        {"eventTime":"2026-11-21T10:00:00Z","outputs":[{"namespace":"ns","name":"out",
          "outputFacets":{"outputStatistics":{"rowCount":5}}}]}
        """;
    QualityBatch first = OpenLineageResults.convert(FacetedEvent.of("e4", T, JSON.readTree(payload)));
    QualityBatch again = OpenLineageResults.convert(FacetedEvent.of("e4", T, JSON.readTree(payload)));
    assertThat(again.metrics().get(0).id()).isEqualTo(first.metrics().get(0).id());
  }
}
