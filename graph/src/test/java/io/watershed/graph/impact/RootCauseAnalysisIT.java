package io.watershed.graph.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.watershed.graph.impact.RootCauseReport.Cause;
import io.watershed.graph.lineage.NodeNotFoundException;
import io.watershed.graph.testing.GraphFixture;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Root cause on hand-built graphs whose answers are known. */
@ExtendWith(Neo4jExtension.class)
class RootCauseAnalysisIT {

  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);

  private final RootCauseAnalysis analysis = new RootCauseAnalysis(Neo4jExtension.connection());
  private GraphFixture g;

  @BeforeEach
  void setUp(TestNeo4j neo4j) {
    g = new GraphFixture(neo4j.driver(), "wh");
    // src -> ingest -> raw -> clean -> staging -> mart_job -> mart (product customer-360)
    g.job("ingest", List.of("src"), List.of("raw"))
        .job("clean", List.of("raw"), List.of("staging"))
        .job("mart_job", List.of("staging"), List.of("mart"))
        .product("customer-360").domain("customer").owner("cust-team").exposes("mart").outOfSlo("STALE:wh:mart")
        .build();
  }

  @Test
  void shouldNameTheFailureNearestTheSourceAndKeepTheRestAsConsequences() {
    g.run("ingest", "r1", "FAIL", T0, "BigQuery job exceeded its slot quota")
        .run("clean", "r2", "COMPLETE", T0.plusMinutes(10), null)
        .run("mart_job", "r3", "FAIL", T0.plusMinutes(20), "input missing");

    RootCauseReport report = analysis.rootCause("customer-360", 20, 1000);

    assertThat(report.state()).isEqualTo("OUT_OF_SLO");
    assertThat(report.stateReasons()).containsExactly("STALE:wh:mart");
    assertThat(report.datasets()).containsExactly("dataset:wh:mart");
    assertThat(report.causes()).hasSize(1);
    Cause cause = report.causes().get(0);
    assertThat(cause.kind()).isEqualTo(CauseKind.RUN_FAILED);
    assertThat(cause.node()).isEqualTo("job:wh:ingest");
    assertThat(cause.description()).isEqualTo("Latest run ended FAIL: BigQuery job exceeded its slot quota");
    assertThat(cause.evidence()).containsEntry("runId", "r1");
    assertThat(cause.since()).isEqualTo("2026-03-02T04:00:00Z");
    assertThat(cause.distance()).isEqualTo(5);
    assertThat(cause.path())
        .containsExactly("job:wh:ingest", "dataset:wh:raw", "job:wh:clean", "dataset:wh:staging", "job:wh:mart_job",
            "dataset:wh:mart");
    assertThat(report.alsoFailing()).extracting(Cause::node, Cause::kind)
        .containsExactly(
            tuple("job:wh:mart_job", CauseKind.RUN_FAILED),
            tuple("dataset:wh:mart", CauseKind.STALE));
  }

  @Test
  void shouldNotBlameAJobWhoseLatestRunCompleted() {
    g.run("ingest", "r1", "FAIL", T0, "boom").run("ingest", "r2", "COMPLETE", T0.plusHours(1), null);

    RootCauseReport report = analysis.rootCause("customer-360", 20, 1000);

    assertThat(report.causes()).extracting(Cause::node, Cause::kind)
        .containsExactly(tuple("dataset:wh:mart", CauseKind.STALE));
    assertThat(report.causes().get(0).path()).containsExactly("dataset:wh:mart");
  }

  @Test
  void shouldReportOpenChangesAndFailingChecksUpstream() {
    g.run(
        """
        MATCH (d:Dataset {namespace: 'wh', name: 'raw'})
        CREATE (c:Change {id: 'c1', kind: 'SCHEMA_BREAKING', status: 'OPEN', at: $at,
                          description: 'Column amount removed', evidence: '{"removed":"amount"}'})-[:ABOUT]->(d)
        CREATE (:Change {id: 'c2', kind: 'SCHEMA_BREAKING', status: 'RESOLVED', at: $at})-[:ABOUT]->(d)
        """,
        Map.of("at", T0));
    g.run(
        """
        MATCH (d:Dataset {namespace: 'wh', name: 'staging'})
        CREATE (:QualityFacet {id: 'q1', namespace: 'wh', name: 'staging', facet: 'dataQualityAssertions',
                               eventTime: $at, runId: 'r9',
                               json: '{"assertions":[{"assertion":"not_null","success":false,"column":"amount"}]}'})
               -[:ABOUT]->(d)
        """,
        Map.of("at", T0.plusMinutes(30)));

    RootCauseReport report = analysis.rootCause("customer-360", 20, 1000);

    assertThat(report.causes()).hasSize(1);
    Cause cause = report.causes().get(0);
    assertThat(cause.kind()).isEqualTo(CauseKind.SCHEMA_BREAKING);
    assertThat(cause.node()).isEqualTo("dataset:wh:raw");
    assertThat(cause.description()).isEqualTo("Column amount removed");
    assertThat(cause.evidence()).containsEntry("change", "c1").containsEntry("removed", "amount");
    assertThat(report.alsoFailing()).extracting(Cause::node, Cause::kind)
        .contains(tuple("dataset:wh:staging", CauseKind.CHECK_FAILED));
    Cause check = report.alsoFailing().stream().filter(c -> c.kind() == CauseKind.CHECK_FAILED).findFirst().orElseThrow();
    assertThat(check.evidence()).containsEntry("check", "not_null").containsEntry("column", "amount");
  }

  @Test
  void shouldNameIndependentCausesOnSeparateBranches() {
    g.job("enrich", List.of("geo"), List.of("staging"))
        .run("ingest", "r1", "FAIL", T0, "a")
        .run("enrich", "r2", "ABORT", T0, null);

    RootCauseReport report = analysis.rootCause("customer-360", 20, 1000);

    assertThat(report.causes()).extracting(Cause::node).containsExactly("job:wh:ingest", "job:wh:enrich");
  }

  @Test
  void shouldSayWhenTheDepthCutTheWalk() {
    g.run("ingest", "r1", "FAIL", T0, "a");

    RootCauseReport report = analysis.rootCause("customer-360", 2, 1000);

    assertThat(report.truncatedBy()).isEqualTo("depth");
    assertThat(report.causes()).extracting(Cause::node).containsExactly("dataset:wh:mart");
  }

  @Test
  void shouldRejectAnUnknownProduct() {
    assertThatThrownBy(() -> analysis.rootCause("nope", 5, 10))
        .isInstanceOf(NodeNotFoundException.class)
        .hasMessage("dataProduct not found: nope");
  }
}
