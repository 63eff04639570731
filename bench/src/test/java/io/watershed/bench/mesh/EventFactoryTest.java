package io.watershed.bench.mesh;

import static org.assertj.core.api.Assertions.assertThat;

import io.openlineage.client.OpenLineage.ColumnLineageDatasetFacet;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.InputField;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.SchemaDatasetFacetFields;
import io.openlineage.client.OpenLineageClientUtils;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFactoryTest {

  /** Small enough to check every event of two cycles quickly, big enough for cross-domain reads. */
  private static final MeshSpec SPEC = new MeshSpec(7, 4, 3, 5, MeshSpec.DEFAULT_START, Duration.ofHours(1));

  private final EventFactory events = new EventFactory(MeshGenerator.generate(SPEC));

  @Test
  void shouldProduceTheSameEventsForTheSameSeed() {
    EventFactory again = new EventFactory(MeshGenerator.generate(SPEC));

    for (long i = 0; i < 2 * events.eventsPerCycle(); i++) {
      assertThat(OpenLineageClientUtils.toJson(again.eventAt(i))).isEqualTo(OpenLineageClientUtils.toJson(events.eventAt(i)));
    }
  }

  @Test
  void shouldNotDependOnTheOrderEventsAreBuiltIn() {
    String late = OpenLineageClientUtils.toJson(events.eventAt(1_001));
    EventFactory fresh = new EventFactory(MeshGenerator.generate(SPEC));

    assertThat(OpenLineageClientUtils.toJson(fresh.eventAt(1_001))).isEqualTo(late);
  }

  @Test
  void shouldProduceOtherEventsForAnotherSeed() {
    MeshSpec other = new MeshSpec(8, 4, 3, 5, MeshSpec.DEFAULT_START, Duration.ofHours(1));
    EventFactory otherEvents = new EventFactory(MeshGenerator.generate(other));

    assertThat(OpenLineageClientUtils.toJson(otherEvents.eventAt(3))).isNotEqualTo(OpenLineageClientUtils.toJson(events.eventAt(3)));
  }

  @Test
  void shouldRoundTripEveryEventThroughTheOpenLineageModel() {
    for (long i = 0; i < 2 * events.eventsPerCycle(); i++) {
      String json = OpenLineageClientUtils.toJson(events.eventAt(i));

      RunEvent parsed = OpenLineageClientUtils.runEventFromJson(json);

      assertThat(OpenLineageClientUtils.toJson(parsed)).as("event %d", i).isEqualTo(json);
    }
  }

  @Test
  void shouldPairStartAndCompleteOfEachRun() {
    Set<UUID> runIds = new HashSet<>();
    for (long i = 0; i < 2 * events.eventsPerCycle(); i += 2) {
      RunEvent start = events.eventAt(i);
      RunEvent complete = events.eventAt(i + 1);

      assertThat(start.getEventType()).isEqualTo(RunEvent.EventType.START);
      assertThat(complete.getEventType()).isEqualTo(RunEvent.EventType.COMPLETE);
      assertThat(complete.getRun().getRunId()).isEqualTo(start.getRun().getRunId());
      assertThat(complete.getEventTime()).isAfter(start.getEventTime());
      assertThat(start.getRun().getRunId().version()).isEqualTo(7);
      assertThat(start.getRun().getFacets().getParent().getRun().getRunId()).isNotEqualTo(start.getRun().getRunId());
      assertThat(start.getRun().getFacets().getNominalTime().getNominalStartTime()).isNotNull();
      assertThat(start.getJob().getFacets().getJobType().getIntegration()).isIn("AIRFLOW", "SPARK", "DBT");
      assertThat(runIds.add(start.getRun().getRunId())).as("run id unique").isTrue();
    }
  }

  @Test
  void shouldGiveEachRunTwoToFourInputsAndAnOutputWithFiveToFifteenFields() {
    for (long i = 0; i < events.eventsPerCycle(); i++) {
      RunEvent e = events.eventAt(i);

      assertThat(e.getInputs()).hasSizeBetween(2, 4);
      assertThat(e.getOutputs()).hasSize(1);
      assertThat(e.getOutputs().get(0).getFacets().getSchema().getFields()).hasSizeBetween(5, 15);
      for (InputDataset in : e.getInputs()) {
        assertThat(in.getFacets().getSchema().getFields()).hasSizeBetween(5, 15);
      }
    }
  }

  @Test
  void shouldOnlyMapOutputFieldsToFieldsOfTheEventsInputs() {
    for (long i = 1; i < events.eventsPerCycle(); i += 2) {
      RunEvent e = events.eventAt(i);
      Map<String, Set<String>> inputFields = new HashMap<>();
      for (InputDataset in : e.getInputs()) {
        Set<String> names = new HashSet<>();
        in.getFacets().getSchema().getFields().forEach(f -> names.add(f.getName()));
        inputFields.put(in.getNamespace() + "|" + in.getName(), names);
      }
      OutputDataset out = e.getOutputs().get(0);
      Set<String> outputFields = new HashSet<>();
      out.getFacets().getSchema().getFields().stream().map(SchemaDatasetFacetFields::getName).forEach(outputFields::add);
      ColumnLineageDatasetFacet lineage = out.getFacets().getColumnLineage();

      assertThat(lineage).as("COMPLETE carries column lineage").isNotNull();
      assertThat(lineage.getFields().getAdditionalProperties().keySet()).isEqualTo(outputFields);
      lineage
          .getFields()
          .getAdditionalProperties()
          .forEach(
              (field, mapping) -> {
                assertThat(mapping.getInputFields()).isNotEmpty();
                for (InputField source : mapping.getInputFields()) {
                  String dataset = source.getNamespace() + "|" + source.getName();
                  assertThat(inputFields).as("%s of %s reads an input of the event", field, e.getJob().getName()).containsKey(dataset);
                  assertThat(inputFields.get(dataset)).as("%s maps to an existing column", field).contains(source.getField());
                }
              });
    }
  }

  @Test
  void shouldChainJobsSoLineageIsMultiLevelAndCrossesDomains() {
    Mesh mesh = events.mesh();
    Map<DatasetDef, JobDef> writer = new HashMap<>();
    mesh.jobs().forEach(j -> writer.put(j.output(), j));

    int deepest = 0;
    boolean crossDomain = false;
    for (JobDef job : mesh.jobs()) {
      deepest = Math.max(deepest, depth(job, writer, 0));
      for (DatasetDef in : job.inputs()) {
        crossDomain |= !in.domain().equals(job.pipeline().domain());
      }
    }

    assertThat(deepest).isGreaterThanOrEqualTo(SPEC.jobsPerPipeline());
    assertThat(crossDomain).isTrue();
    assertThat(mesh.jobs()).hasSize(SPEC.jobCount());
    assertThat(mesh.datasets().stream().map(d -> d.namespace() + "|" + d.name()).distinct()).hasSize(mesh.datasets().size());
  }

  @Test
  void shouldUseRealisticNamespaces() {
    List<String> namespaces = events.mesh().datasets().stream().map(DatasetDef::namespace).distinct().toList();

    assertThat(namespaces).contains("s3://lake", "bigquery");
    assertThat(namespaces).anyMatch(ns -> ns.matches("(postgres://[a-z0-9-]+-db:5432|mysql://[a-z0-9-]+-db:3306)"));
  }

  /** Number of jobs on the longest chain of writers ending at this job (bounded by the job count). */
  private static int depth(JobDef job, Map<DatasetDef, JobDef> writer, int guard) {
    if (guard > writer.size()) {
      throw new AssertionError("cycle in the mesh at " + job.name());
    }
    int max = 0;
    for (DatasetDef in : job.inputs()) {
      JobDef upstream = writer.get(in);
      if (upstream != null) {
        max = Math.max(max, depth(upstream, writer, guard + 1));
      }
    }
    return max + 1;
  }
}
