package io.watershed.bench.mesh;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.ColumnLineageDatasetFacetFieldsBuilder;
import io.openlineage.client.OpenLineage.DatasetFacets;
import io.openlineage.client.OpenLineage.InputDataset;
import io.openlineage.client.OpenLineage.InputField;
import io.openlineage.client.OpenLineage.Job;
import io.openlineage.client.OpenLineage.OutputDataset;
import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.OpenLineage.RunFacets;
import io.openlineage.client.OpenLineage.SchemaDatasetFacet;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The mesh's event stream as a pure function of a position: {@link #eventAt(long)} gives the same event for the
 * same index on any thread, so concurrent producers can share one counter and still send a reproducible stream.
 *
 * <p>Order: cycle by cycle (each job runs once per cycle), jobs in {@link Mesh#jobs()} order, and for each run its
 * START then its COMPLETE. START carries the inputs and the output with their schemas; COMPLETE adds the output's
 * column lineage and output statistics. Every run has nominalTime, parent (its pipeline's run for the cycle) and
 * processing_engine facets; every job has jobType, ownership and, for SQL jobs, sql.
 *
 * <p>What does not change between runs (jobs, schemas, column lineage) is built once with the OpenLineage builders
 * and shared: the model objects are immutable once built, and Jackson only reads them.
 */
public final class EventFactory {

  /** The producer URI of every event: the events are synthetic, so they say so. */
  public static final URI PRODUCER = URI.create("https://github.com/watershed/watershed/tree/main/bench");

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Mesh mesh;
  private final OpenLineage ol = new OpenLineage(PRODUCER);
  private final List<JobTemplate> templates = new ArrayList<>();

  /** The per-job parts of every event, built once. */
  private record JobTemplate(
      JobDef def, Job job, List<InputDataset> inputs, DatasetFacets outputAtStart, DatasetFacets outputAtComplete) {}

  public EventFactory(Mesh mesh) {
    this.mesh = mesh;
    for (JobDef def : mesh.jobs()) {
      templates.add(template(def));
    }
  }

  public Mesh mesh() {
    return mesh;
  }

  /** START and COMPLETE of every job. */
  public long eventsPerCycle() {
    return 2L * templates.size();
  }

  /** The event at a position of the stream (0-based). */
  public RunEvent eventAt(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative: " + index);
    }
    long run = index / 2;
    boolean complete = index % 2 == 1;
    long cycle = run / templates.size();
    JobTemplate t = templates.get((int) (run % templates.size()));
    JobDef def = t.def();

    // All of a run's variable values come from a generator seeded by (seed, cycle, job): START and COMPLETE of the
    // same run therefore agree on run id and times even when different threads build them.
    SplittableRandom rng = new SplittableRandom(mix(mesh.spec().seed(), cycle, def.index(), 1));
    Instant nominalStart = mesh.spec().start().plus(mesh.spec().cycle().multipliedBy(cycle));
    Instant nominalEnd = nominalStart.plus(mesh.spec().cycle());
    Instant started =
        nominalStart.plusSeconds(def.step() * 300L + rng.nextInt(180)).plusMillis(rng.nextInt(1000));
    Instant ended = started.plusSeconds(30 + rng.nextInt(1200)).plusMillis(rng.nextInt(1000));
    UUID runId = uuidV7(started.toEpochMilli(), rng);
    long rows = 1_000L + rng.nextLong(10_000_000L);
    long bytes = rows * (50 + rng.nextInt(350));

    PipelineDef pipeline = def.pipeline();
    SplittableRandom parentRng = new SplittableRandom(mix(mesh.spec().seed(), cycle, pipeline.index(), 2));
    UUID parentRunId = uuidV7(nominalStart.toEpochMilli(), parentRng);

    RunFacets runFacets =
        ol.newRunFacetsBuilder()
            .nominalTime(
                ol.newNominalTimeRunFacetBuilder()
                    .nominalStartTime(utc(nominalStart))
                    .nominalEndTime(utc(nominalEnd))
                    .build())
            .parent(
                ol.newParentRunFacetBuilder()
                    .run(ol.newParentRunFacetRunBuilder().runId(parentRunId).build())
                    .job(ol.newParentRunFacetJobBuilder().namespace(pipeline.namespace()).name(pipeline.name()).build())
                    .root(
                        ol.newParentRunFacetRootBuilder()
                            .run(ol.newRootRunBuilder().runId(parentRunId).build())
                            .job(ol.newRootJobBuilder().namespace(pipeline.namespace()).name(pipeline.name()).build())
                            .build())
                    .build())
            .processing_engine(
                ol.newProcessingEngineRunFacetBuilder()
                    .name(pipeline.integration().engine())
                    .version(pipeline.integration().engineVersion())
                    .openlineageAdapterVersion(pipeline.integration().adapterVersion())
                    .build())
            .build();

    OutputDataset output =
        ol.newOutputDatasetBuilder()
            .namespace(def.output().namespace())
            .name(def.output().name())
            .facets(complete ? t.outputAtComplete() : t.outputAtStart())
            .outputFacets(
                complete
                    ? ol.newOutputDatasetOutputFacetsBuilder()
                        .outputStatistics(ol.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(rows).size(bytes).build())
                        .build()
                    : null)
            .build();

    return ol.newRunEventBuilder()
        .eventType(complete ? EventType.COMPLETE : EventType.START)
        .eventTime(utc(complete ? ended : started))
        .run(ol.newRun(runId, runFacets))
        .job(t.job())
        .inputs(t.inputs())
        .outputs(List.of(output))
        .build();
  }

  private JobTemplate template(JobDef def) {
    Integration integration = def.pipeline().integration();
    OpenLineage.JobFacetsBuilder facets =
        ol.newJobFacetsBuilder()
            .jobType(
                ol.newJobTypeJobFacetBuilder()
                    .processingType("BATCH")
                    .integration(integration.integration())
                    .jobType(integration.jobType())
                    .build())
            .ownership(
                ol.newOwnershipJobFacetBuilder()
                    .owners(
                        List.of(
                            ol.newOwnershipJobFacetOwnersBuilder()
                                .name("team:" + def.pipeline().domain() + "-data")
                                .type("MAINTAINER")
                                .build()))
                    .build());
    if (def.sql() != null) {
      String dialect = integration == Integration.DBT ? "bigquery" : "ansi";
      facets.sql(ol.newSQLJobFacetBuilder().query(def.sql()).dialect(dialect).build());
    }
    Job job = ol.newJobBuilder().namespace(def.namespace()).name(def.name()).facets(facets.build()).build();

    List<InputDataset> inputs = new ArrayList<>();
    for (DatasetDef in : def.inputs()) {
      inputs.add(
          ol.newInputDatasetBuilder()
              .namespace(in.namespace())
              .name(in.name())
              .facets(ol.newDatasetFacetsBuilder().schema(schema(in)).build())
              .build());
    }
    SchemaDatasetFacet outSchema = schema(def.output());
    DatasetFacets atStart = ol.newDatasetFacetsBuilder().schema(outSchema).build();
    DatasetFacets atComplete =
        ol.newDatasetFacetsBuilder().schema(outSchema).columnLineage(columnLineage(def.columnLineage())).build();
    return new JobTemplate(def, job, List.copyOf(inputs), atStart, atComplete);
  }

  private SchemaDatasetFacet schema(DatasetDef dataset) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    for (FieldDef f : dataset.fields()) {
      fields.add(
          ol.newSchemaDatasetFacetFieldsBuilder()
              .name(f.name())
              .type(dataset.store().typeName(f.type()))
              .description(f.description())
              .build());
    }
    return ol.newSchemaDatasetFacetBuilder().fields(fields).build();
  }

  private OpenLineage.ColumnLineageDatasetFacet columnLineage(Map<String, List<ColumnSource>> lineage) {
    ColumnLineageDatasetFacetFieldsBuilder fields = ol.newColumnLineageDatasetFacetFieldsBuilder();
    lineage.forEach(
        (outputField, sources) -> {
          List<InputField> inputs = new ArrayList<>();
          for (ColumnSource s : sources) {
            inputs.add(
                ol.newInputFieldBuilder()
                    .namespace(s.dataset().namespace())
                    .name(s.dataset().name())
                    .field(s.field())
                    .transformations(
                        List.of(ol.newInputFieldTransformationsBuilder().type(s.type()).subtype(s.subtype()).build()))
                    .build());
          }
          fields.put(outputField, ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder().inputFields(inputs).build());
        });
    return ol.newColumnLineageDatasetFacetBuilder().fields(fields.build()).build();
  }

  private static ZonedDateTime utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  /**
   * A version 7 UUID (RFC 9562: 48-bit Unix milliseconds, then random bits), as recent OpenLineage clients make
   * run ids; the random bits come from the caller's generator, so the id is reproducible.
   */
  static UUID uuidV7(long epochMillis, SplittableRandom rng) {
    long msb = (epochMillis << 16) | 0x7000L | (rng.nextLong() & 0x0FFFL);
    long lsb = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  /** A well-spread 64-bit seed from several values (SplitMix64's finaliser after each step). */
  static long mix(long... values) {
    long h = 0;
    for (long v : values) {
      h = finalise(h ^ (v + GOLDEN));
    }
    return h;
  }

  private static long finalise(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
