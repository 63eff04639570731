package io.watershed.alerts.change;

import static io.watershed.alerts.testing.Events.dataset;
import static io.watershed.alerts.testing.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.alerts.testing.AlertsHarness;
import io.watershed.graph.testing.Neo4jExtension;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each kind of change, detected from event sequences shaped like real integrations' (Airflow, Spark, dbt). */
@ExtendWith(Neo4jExtension.class)
class ChangeDetectionIT {

  private static final String NS = "bigquery";
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);

  private AlertsHarness h;

  @BeforeEach
  void setUp() {
    h = new AlertsHarness(T0.toInstant(), List.of(), Map.of());
  }

  @Test
  void shouldRecordAFailedRunWithItsErrorAndResolveItWhenALaterRunCompletes() {
    h.ingest(run(NS, "etl.orders_daily", "r1", "START", T0).input("shop.orders").output("shop.orders_daily").build());
    h.ingest(run(NS, "etl.orders_daily", "r1", "FAIL", T0.plusMinutes(5))
        .input("shop.orders").output("shop.orders_daily").error("BigQuery job exceeded its slot quota").build());

    Change failed = only(ChangeKind.RUN_FAILED);
    assertThat(failed.status()).isEqualTo(ChangeStatus.OPEN);
    assertThat(failed.subject().nodeId()).isEqualTo("job:bigquery:etl.orders_daily");
    assertThat(failed.at()).isEqualTo(T0.plusMinutes(5).toInstant());
    assertThat(failed.evidence()).containsEntry("runId", "r1").containsEntry("state", "FAIL")
        .containsEntry("error", "BigQuery job exceeded its slot quota");
    assertThat(failed.description()).isEqualTo("Run r1 of etl.orders_daily ended FAIL: BigQuery job exceeded its slot quota");

    h.ingest(run(NS, "etl.orders_daily", "r2", "START", T0.plusHours(1)).build());
    assertThat(only(ChangeKind.RUN_FAILED).status()).as("a START is no recovery").isEqualTo(ChangeStatus.OPEN);
    h.ingest(run(NS, "etl.orders_daily", "r2", "COMPLETE", T0.plusHours(2)).output("shop.orders_daily").build());

    Change resolved = only(ChangeKind.RUN_FAILED);
    assertThat(resolved.status()).isEqualTo(ChangeStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).isEqualTo(T0.plusHours(2).toInstant());
    assertThat(resolved.resolvedBy()).isEqualTo("a later run completed");
  }

  @Test
  void shouldRecordAnAbortedRunAndKnowWhenALaterCompletionArrivedFirst() {
    // Events out of order: the later run's COMPLETE is ingested before the earlier run's ABORT.
    h.ingest(run(NS, "spark.sessionize", "r2", "COMPLETE", T0.plusHours(1)).build());
    h.ingest(run(NS, "spark.sessionize", "r1", "ABORT", T0).build());

    Change aborted = only(ChangeKind.RUN_FAILED);
    assertThat(aborted.evidence()).containsEntry("state", "ABORT");
    assertThat(aborted.status()).isEqualTo(ChangeStatus.RESOLVED);
  }

  @Test
  void shouldClassifyRemovedRenamedAndRetypedFieldsAsBreaking() {
    h.ingest(run(NS, "dbt.orders", "r1", "COMPLETE", T0)
        .output(dataset(NS, "shop.orders").schema("id:INT64", "amount:FLOAT64", "cust:STRING", "note:STRING"))
        .build());
    assertThat(h.changes.list(null, null, null, 0, 10)).as("the first version has nothing to compare with").isEmpty();

    h.ingest(run(NS, "dbt.orders", "r2", "COMPLETE", T0.plusHours(1))
        .output(dataset(NS, "shop.orders").schema("id:STRING", "amount:float64", "customer:STRING"))
        .build());

    Change change = only(ChangeKind.SCHEMA_BREAKING);
    assertThat(change.status()).isEqualTo(ChangeStatus.OPEN);
    assertThat(change.subject().nodeId()).isEqualTo("dataset:bigquery:shop.orders");
    assertThat(change.details().fields()).containsExactly("note", "cust", "id");
    assertThat(change.details().brokenTypes()).containsEntry("id", "INT64").containsEntry("cust", "STRING");
    assertThat(change.description())
        .isEqualTo("Breaking schema change in shop.orders: removed note; renamed cust to customer; retyped id from INT64 to STRING");
    assertThat(change.evidence()).containsEntry("removed", "note").containsEntry("renamed.cust", "customer")
        .containsEntry("retyped.id", "INT64 -> STRING").containsEntry("runId", "r2");
  }

  @Test
  void shouldRecordAddedFieldsAsANonBreakingChange() {
    h.ingest(run(NS, "dbt.orders", "r1", "COMPLETE", T0).output(dataset(NS, "shop.orders").schema("id:INT64")).build());
    h.ingest(run(NS, "dbt.orders", "r2", "COMPLETE", T0.plusHours(1))
        .output(dataset(NS, "shop.orders").schema("id:INT64", "channel:STRING")).build());

    Change change = only(ChangeKind.SCHEMA_COMPATIBLE);
    assertThat(change.status()).isEqualTo(ChangeStatus.INFO);
    assertThat(change.evidence()).containsEntry("added", "channel");
    assertThat(h.changes.list(null, ChangeKind.SCHEMA_BREAKING, null, 0, 10)).isEmpty();
  }

  @Test
  void shouldResolveABreakingChangeWhenALaterVersionRestoresTheFields() {
    h.ingest(run(NS, "dbt.orders", "r1", "COMPLETE", T0)
        .output(dataset(NS, "shop.orders").schema("id:INT64", "amount:FLOAT64")).build());
    h.ingest(run(NS, "dbt.orders", "r2", "COMPLETE", T0.plusHours(1))
        .output(dataset(NS, "shop.orders").schema("id:INT64")).build());
    h.ingest(run(NS, "dbt.orders", "r3", "COMPLETE", T0.plusHours(2))
        .output(dataset(NS, "shop.orders").schema("id:INT64", "amount:STRING")).build());
    assertThat(h.changes.list(null, ChangeKind.SCHEMA_BREAKING, ChangeStatus.OPEN, 0, 10))
        .as("amount came back with another type: still broken").hasSize(1);

    h.ingest(run(NS, "dbt.orders", "r4", "COMPLETE", T0.plusHours(3))
        .output(dataset(NS, "shop.orders").schema("id:INT64", "amount:FLOAT64")).build());

    List<Change> breaking = h.changes.list(null, ChangeKind.SCHEMA_BREAKING, null, 0, 10);
    Change first = breaking.stream().filter(c -> c.details().fields().equals(List.of("amount")) && c.evidence().get("removed") != null)
        .findFirst().orElseThrow();
    assertThat(first.status()).isEqualTo(ChangeStatus.RESOLVED);
    assertThat(first.resolvedAt()).isEqualTo(T0.plusHours(3).toInstant());
  }

  @Test
  void shouldNotCompareALateOlderVersion() {
    h.ingest(run(NS, "dbt.orders", "r2", "COMPLETE", T0.plusHours(1))
        .output(dataset(NS, "shop.orders").schema("id:INT64")).build());
    h.ingest(run(NS, "dbt.orders", "r1", "COMPLETE", T0)
        .output(dataset(NS, "shop.orders").schema("id:INT64", "legacy:STRING")).build());

    assertThat(h.changes.list(null, null, null, 0, 10)).isEmpty();
  }

  @Test
  void shouldRecordLifecycleChangesAndResolveADropWhenTheDatasetIsWrittenAgain() {
    h.ingest(run(NS, "spark.cleanup", "r1", "COMPLETE", T0).output(dataset(NS, "tmp.sessions").lifecycle("DROP")).build());
    h.ingest(run(NS, "spark.reset", "r2", "COMPLETE", T0).output(dataset(NS, "tmp.events").lifecycle("TRUNCATE")).build());
    h.ingest(run(NS, "spark.full", "r3", "COMPLETE", T0).output(dataset(NS, "mart.daily").lifecycle("OVERWRITE")).build());
    h.ingest(run(NS, "spark.move", "r4", "COMPLETE", T0)
        .output(dataset(NS, "mart.users_v2").renamedFrom(NS, "mart.users")).build());

    Map<String, Change> bySubject = new java.util.HashMap<>();
    h.changes.list(null, ChangeKind.LIFECYCLE_CHANGE, null, 0, 10).forEach(c -> bySubject.put(c.subject().name(), c));
    assertThat(bySubject.get("tmp.sessions").status()).isEqualTo(ChangeStatus.OPEN);
    assertThat(bySubject.get("tmp.sessions").description()).isEqualTo("tmp.sessions was dropped");
    assertThat(bySubject.get("tmp.events").details().lifecycleState()).isEqualTo("TRUNCATE");
    assertThat(bySubject.get("mart.daily").status()).as("overwrite is routine").isEqualTo(ChangeStatus.INFO);
    assertThat(bySubject.get("mart.users").evidence()).as("a rename breaks readers of the old name")
        .containsEntry("renamedTo", "dataset:bigquery:mart.users_v2");

    h.ingest(run(NS, "spark.sessions", "r5", "COMPLETE", T0.plusHours(1)).output("tmp.sessions").build());

    Change drop = h.changes.list("dataset:bigquery:tmp.sessions", null, null, 0, 10).get(0);
    assertThat(drop.status()).isEqualTo(ChangeStatus.RESOLVED);
    assertThat(drop.resolvedBy()).isEqualTo("the dataset was written again");
  }

  @Test
  void shouldRecordFailedAssertionsAndResolveThemWhenTheSameCheckPasses() {
    h.ingest(run(NS, "ge.orders_checks", "r1", "COMPLETE", T0)
        .input(dataset(NS, "shop.orders").assertions("not_null:customer_id:false", "row_count::true", "unique:id:false"))
        .build());

    List<Change> failed = h.changes.list(null, ChangeKind.CHECK_FAILED, null, 0, 10);
    assertThat(failed).extracting(c -> c.details().check() + "/" + c.details().column())
        .containsExactlyInAnyOrder("not_null/customer_id", "unique/id");
    assertThat(failed).allSatisfy(c -> assertThat(c.status()).isEqualTo(ChangeStatus.OPEN));

    h.ingest(run(NS, "ge.orders_checks", "r2", "COMPLETE", T0.plusHours(1))
        .input(dataset(NS, "shop.orders").assertions("not_null:customer_id:true", "unique:id:false"))
        .build());

    Map<String, ChangeStatus> byCheck = new java.util.HashMap<>();
    h.changes.list(null, ChangeKind.CHECK_FAILED, null, 0, 10)
        .forEach(c -> byCheck.merge(c.details().check(), c.status(), (a, b) -> a == ChangeStatus.OPEN ? a : b));
    assertThat(byCheck).containsEntry("not_null", ChangeStatus.RESOLVED).containsEntry("unique", ChangeStatus.OPEN);
  }

  @Test
  void shouldRecordEachChangeOnceWhenEventsAreResent() {
    var fail = run(NS, "etl.orders_daily", "r1", "FAIL", T0).error("boom").build();
    h.ingest(fail);
    h.ingest(fail);
    h.ingest(fail);

    assertThat(h.changes.list(null, null, null, 0, 10)).hasSize(1);
  }

  private Change only(ChangeKind kind) {
    List<Change> found = h.changes.list(null, kind, null, 0, 10);
    assertThat(found).as("changes of kind %s", kind).hasSize(1);
    return found.get(0);
  }
}
