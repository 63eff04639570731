package io.watershed.ingest.bench;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.watershed.ingest.event.EventParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * CPU and allocation of the parse path ({@link EventParser#readTree} then {@link EventParser#parse}) per event, on
 * one thread. Not a test (the suite never runs it, and nothing here asserts a time): run it by hand before and after
 * a change to the parse path.
 *
 * <pre>
 * mvn -o -q -pl ingest -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp ingest/target/test-classes:ingest/target/classes:$(cat /tmp/cp.txt) \
 *     io.watershed.ingest.bench.ParseThroughput [corpus ../shared/openlineage/events]
 * </pre>
 *
 * <p>By default it parses a synthetic ~7.5 KB run event shaped like the benchmark's (two inputs and an output with
 * schemas, column lineage, output statistics, parent, nominal time, job type, ownership, SQL). With
 * {@code corpus <dir>} it cycles through the {@code <dir>/*}{@code /*.json} events instead, read at run time.
 */
public final class ParseThroughput {

  private static final int MIN_EVENTS_PER_ROUND = 2_000;
  private static final int WARMUP_ROUNDS = 40;
  private static final int ROUNDS = 15;

  private ParseThroughput() {}

  public static void main(String[] args) throws IOException {
    List<byte[]> events =
        args.length >= 2 && args[0].equals("corpus") ? corpus(Path.of(args[1])) : List.of(synthetic());
    long bytes = events.stream().mapToLong(e -> e.length).sum() / events.size();
    System.out.printf("%d distinct event(s), %d bytes on average%n", events.size(), bytes);

    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long self = Thread.currentThread().getId();
    // Whole passes over the events, so that every round parses the same mix.
    int perRound = events.size() * Math.max(1, MIN_EVENTS_PER_ROUND / events.size());
    EventParser parser = new EventParser();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    long sink = 0;
    for (int r = 0; r < WARMUP_ROUNDS; r++) {
      sink += round(parser, events, perRound, now);
    }
    double[] cpuMicros = new double[ROUNDS];
    double[] processMicros = new double[ROUNDS];
    double[] allocated = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long cpu = threads.getCurrentThreadCpuTime();
      long all = process.getProcessCpuTime();
      long alloc = threads.getThreadAllocatedBytes(self);
      sink += round(parser, events, perRound, now);
      cpuMicros[r] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000.0 / perRound;
      processMicros[r] = (process.getProcessCpuTime() - all) / 1_000.0 / perRound;
      allocated[r] = (double) (threads.getThreadAllocatedBytes(self) - alloc) / perRound;
    }
    Arrays.sort(cpuMicros);
    Arrays.sort(processMicros);
    Arrays.sort(allocated);
    // The thread's CPU is the parse itself; the process's adds what the parse costs elsewhere (GC, JIT).
    System.out.printf(
        "thread CPU per event: median %.1f us (min %.1f, max %.1f); process CPU per event: median %.1f us;"
            + " allocated per event: median %.0f bytes (sink %d)%n",
        cpuMicros[ROUNDS / 2], cpuMicros[0], cpuMicros[ROUNDS - 1], processMicros[ROUNDS / 2], allocated[ROUNDS / 2],
        sink % 10);
  }

  private static long round(EventParser parser, List<byte[]> events, int count, ZonedDateTime now) {
    long sink = 0;
    for (int i = 0; i < count; i++) {
      sink += parser.parse(parser.readTree(events.get(i % events.size())), now).eventId().charAt(0);
    }
    return sink;
  }

  private static List<byte[]> corpus(Path dir) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (Stream<Path> sources = Files.list(dir)) {
      for (Path source : sources.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(source)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            out.add(Files.readAllBytes(f));
          }
        }
      }
    }
    return out;
  }

  /** A run event as the benchmark's mesh sends it, built with the OpenLineage client. */
  private static byte[] synthetic() {
    OpenLineage ol = new OpenLineage(URI.create("https://github.com/watershed/watershed/tree/main/bench"));
    ZonedDateTime start = ZonedDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.UTC);
    UUID parentRun = UUID.fromString("0192f0c4-0000-7000-8000-000000000001");
    var runFacets =
        ol.newRunFacetsBuilder()
            .nominalTime(ol.newNominalTimeRunFacet(start, start.plusHours(1)))
            .parent(
                ol.newParentRunFacetBuilder()
                    .run(ol.newParentRunFacetRunBuilder().runId(parentRun).build())
                    .job(ol.newParentRunFacetJobBuilder().namespace("pipelines.sales").name("daily_orders").build())
                    .root(
                        ol.newParentRunFacetRootBuilder()
                            .run(ol.newRootRunBuilder().runId(parentRun).build())
                            .job(ol.newRootJobBuilder().namespace("pipelines.sales").name("daily_orders").build())
                            .build())
                    .build())
            .processing_engine(ol.newProcessingEngineRunFacet("3.5.1", "spark", "1.55.0"))
            .build();
    var jobFacets =
        ol.newJobFacetsBuilder()
            .jobType(ol.newJobTypeJobFacetBuilder().processingType("BATCH").integration("SPARK").jobType("JOB").build())
            .ownership(
                ol.newOwnershipJobFacet(List.of(ol.newOwnershipJobFacetOwners("team:sales-data", "MAINTAINER"))))
            .sql(
                ol.newSQLJobFacetBuilder()
                    .query(
                        "INSERT INTO sales.daily_orders SELECT o.order_id, o.customer_id, c.region, o.amount,"
                            + " o.currency, o.ordered_at FROM raw.orders o JOIN raw.customers c ON o.customer_id ="
                            + " c.customer_id WHERE o.ordered_at >= '2026-11-20'")
                    .dialect("ansi")
                    .build())
            .build();
    var orders = schema(ol, "order_id", "customer_id", "amount", "currency", "ordered_at", "status", "channel",
        "discount", "tax", "shipping_fee", "warehouse_id", "promo_code");
    var customers = schema(ol, "customer_id", "region", "country", "segment", "created_at", "email_domain",
        "loyalty_tier", "referrer");
    var output = schema(ol, "order_id", "customer_id", "region", "amount", "currency", "ordered_at", "net_amount",
        "tax", "shipping_fee", "loyalty_tier");
    var lineage = ol.newColumnLineageDatasetFacetFieldsBuilder();
    for (var f : output.getFields()) {
      lineage.put(
          f.getName(),
          ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
              .inputFields(
                  List.of(
                      ol.newInputFieldBuilder()
                          .namespace("postgres://orders-db:5432")
                          .name("raw.orders")
                          .field(f.getName())
                          .transformations(
                              List.of(
                                  ol.newInputFieldTransformationsBuilder()
                                      .type("DIRECT")
                                      .subtype("IDENTITY")
                                      .build()))
                          .build()))
              .build());
    }
    OpenLineage.RunEvent event =
        ol.newRunEventBuilder()
            .eventType(OpenLineage.RunEvent.EventType.COMPLETE)
            .eventTime(start.plusMinutes(7))
            .run(ol.newRun(UUID.fromString("0192f0c4-8a5e-7c1b-9f3a-2d4e6b8a0c1e"), runFacets))
            .job(ol.newJobBuilder().namespace("spark.sales").name("daily_orders.load").facets(jobFacets).build())
            .inputs(
                List.of(
                    ol.newInputDatasetBuilder()
                        .namespace("postgres://orders-db:5432")
                        .name("raw.orders")
                        .facets(ol.newDatasetFacetsBuilder().schema(orders).build())
                        .build(),
                    ol.newInputDatasetBuilder()
                        .namespace("postgres://orders-db:5432")
                        .name("raw.customers")
                        .facets(ol.newDatasetFacetsBuilder().schema(customers).build())
                        .build()))
            .outputs(
                List.of(
                    ol.newOutputDatasetBuilder()
                        .namespace("s3://lake")
                        .name("sales/daily_orders")
                        .facets(
                            ol.newDatasetFacetsBuilder()
                                .schema(output)
                                .columnLineage(ol.newColumnLineageDatasetFacetBuilder().fields(lineage.build()).build())
                                .build())
                        .outputFacets(
                            ol.newOutputDatasetOutputFacetsBuilder()
                                .outputStatistics(
                                    ol.newOutputStatisticsOutputDatasetFacet(1_234_567L, 98_765_432L, 12L))
                                .build())
                        .build()))
            .build();
    return OpenLineageClientUtils.toJson(event).getBytes(StandardCharsets.UTF_8);
  }

  private static OpenLineage.SchemaDatasetFacet schema(OpenLineage ol, String... names) {
    List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
    for (String name : names) {
      fields.add(
          ol.newSchemaDatasetFacetFieldsBuilder().name(name).type("VARCHAR").description("The " + name + ".").build());
    }
    return ol.newSchemaDatasetFacetBuilder().fields(fields).build();
  }
}
