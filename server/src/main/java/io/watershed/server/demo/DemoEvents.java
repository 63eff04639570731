package io.watershed.server.demo;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.DatasetFacets;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns demo runs into the OpenLineage events an integration would send, built with the OpenLineage Java client's
 * model: a START listing the declared inputs and outputs, then a COMPLETE carrying the quality facets
 * ({@code dataQualityMetrics} on outputs, {@code dataQualityAssertions} on a validation job's inputs) or a FAIL
 * with an {@code errorMessage} and no outputs (as Spark reports failures).
 */
final class DemoEvents {

  /** The producer URI of each integration: example.com, since these events are the demo's, not the integration's. */
  static URI producer(String integration) {
    return URI.create("https://example.com/watershed-demo/" + integration.toLowerCase(Locale.ROOT));
  }

  private DemoEvents() {}

  /** The START event and the final event of a run. */
  static List<RunEvent> of(DemoRun run) {
    OpenLineage ol = new OpenLineage(producer(run.job().integration()));
    OpenLineage.Run olRun = ol.newRunBuilder()
        .runId(run.runId())
        .facets(runFacets(ol, run, false))
        .build();
    OpenLineage.Job job = job(ol, run.job());
    RunEvent start = ol.newRunEventBuilder()
        .eventType(EventType.START)
        .eventTime(time(run.startedAt()))
        .run(olRun)
        .job(job)
        .inputs(run.inputs().stream().map(i -> input(ol, i, false)).toList())
        .outputs(run.writes().stream().map(d -> ol.newOutputDatasetBuilder()
            .namespace(d.namespace()).name(d.name()).build()).toList())
        .build();
    RunEvent end = ol.newRunEventBuilder()
        .eventType(run.succeeded() ? EventType.COMPLETE : EventType.FAIL)
        .eventTime(time(run.endedAt()))
        .run(ol.newRunBuilder().runId(run.runId()).facets(runFacets(ol, run, true)).build())
        .job(job)
        .inputs(run.inputs().stream().map(i -> input(ol, i, true)).toList())
        .outputs(run.succeeded() ? run.outputs().stream().map(o -> output(ol, o)).toList() : List.of())
        .build();
    return List.of(start, end);
  }

  private static OpenLineage.RunFacets runFacets(OpenLineage ol, DemoRun run, boolean end) {
    OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder()
        .nominalTime(ol.newNominalTimeRunFacetBuilder().nominalStartTime(time(run.scheduledAt())).build());
    if (end && !run.succeeded()) {
      facets.errorMessage(ol.newErrorMessageRunFacetBuilder()
          .message(run.error())
          .programmingLanguage("python")
          .build());
    }
    return facets.build();
  }

  private static OpenLineage.Job job(OpenLineage ol, DemoJob job) {
    return ol.newJobBuilder()
        .namespace(job.namespace())
        .name(job.name())
        .facets(ol.newJobFacetsBuilder()
            .jobType(ol.newJobTypeJobFacetBuilder()
                .processingType("BATCH")
                .integration(job.integration())
                .jobType(job.jobType())
                .build())
            .build())
        .build();
  }

  private static InputDataset input(OpenLineage ol, DemoRun.Input input, boolean withAssertions) {
    OpenLineage.InputDatasetBuilder builder =
        ol.newInputDatasetBuilder().namespace(input.dataset().namespace()).name(input.dataset().name());
    if (withAssertions && !input.assertions().isEmpty()) {
      List<OpenLineage.DataQualityAssertionsDatasetFacetAssertions> assertions = new ArrayList<>();
      for (DemoRun.Assertion a : input.assertions()) {
        assertions.add(ol.newDataQualityAssertionsDatasetFacetAssertionsBuilder()
            .name(a.name())
            .assertion(a.assertion())
            .column(a.column())
            .success(a.success())
            .actual(a.actual())
            .build());
      }
      builder.inputFacets(ol.newInputDatasetInputFacetsBuilder()
          .dataQualityAssertions(ol.newDataQualityAssertionsDatasetFacetBuilder().assertions(assertions).build())
          .build());
    }
    return builder.build();
  }

  private static OutputDataset output(OpenLineage ol, DemoRun.Output output) {
    DemoDataset dataset = output.dataset();
    OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder();
    if (!dataset.columns().isEmpty()) {
      facets.schema(ol.newSchemaDatasetFacetBuilder()
          .fields(dataset.columns().stream()
              .map(c -> ol.newSchemaDatasetFacetFieldsBuilder().name(c).type("string").build())
              .toList())
          .build());
    }
    OpenLineage.DataQualityMetricsDatasetFacetColumnMetricsBuilder columns =
        ol.newDataQualityMetricsDatasetFacetColumnMetricsBuilder();
    for (Map.Entry<String, Long> nulls : output.nullCounts().entrySet()) {
      columns.put(nulls.getKey(),
          ol.newDataQualityMetricsDatasetFacetColumnMetricsAdditionalBuilder().nullCount(nulls.getValue()).build());
    }
    DatasetFacets datasetFacets = facets
        .dataQualityMetrics(ol.newDataQualityMetricsDatasetFacetBuilder()
            .rowCount(output.rowCount())
            .columnMetrics(columns.build())
            .build())
        .build();
    return ol.newOutputDatasetBuilder()
        .namespace(dataset.namespace())
        .name(dataset.name())
        .facets(datasetFacets)
        .outputFacets(ol.newOutputDatasetOutputFacetsBuilder()
            .outputStatistics(ol.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(output.rowCount()).build())
            .build())
        .build();
  }

  private static ZonedDateTime time(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }
}
