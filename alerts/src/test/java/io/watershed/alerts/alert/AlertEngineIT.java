package io.watershed.alerts.alert;

import static io.watershed.alerts.testing.Events.dataset;
import static io.watershed.alerts.testing.Events.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.delivery.NotificationCodec;
import io.watershed.alerts.silence.Silence;
import io.watershed.alerts.testing.AlertsHarness;
import io.watershed.alerts.testing.AlertsHarness.Recorded;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.testing.GraphFixture;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerts from changes: grouping by root cause, deduplication, FIRING vs UPSTREAM AT RISK, escalation, resolution,
 * acknowledgement and silences, checked in the outbox the planner fills.
 *
 * <p>The mesh: {@code etl.ingest_orders} writes {@code raw.orders} (product raw-orders, owner team-raw); ten jobs
 * {@code mart.build_i} read it and write {@code mart.p_i} (products p-0..p-9): team-a owns p-0..p-4 (email), team-b
 * owns p-5..p-9 (email and a webhook).
 */
@ExtendWith(Neo4jExtension.class)
class AlertEngineIT {

  private static final String NS = "bigquery";
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);
  private static final String WEBHOOK = "webhook:" + io.watershed.alerts.rootcause.RootCauseKey.hash(
      "https://hooks.team-b.test/watershed" + '\u0000' + "TEAM_B_SECRET");

  private AlertsHarness h;
  private GraphFixture g;

  @BeforeEach
  void setUp(TestNeo4j neo4j) {
    h = new AlertsHarness(T0.plusMinutes(1).toInstant(), List.of(), Map.of());
    g = new GraphFixture(neo4j.driver(), NS);
    h.writer.write(List.of(run(NS, "etl.ingest_orders", "r0", "COMPLETE", T0.minusDays(1)).output("raw.orders").build()));
    for (int i = 0; i < 10; i++) {
      h.writer.write(List.of(run(NS, "mart.build_" + i, "b" + i, "COMPLETE", T0.minusDays(1))
          .input("raw.orders").output("mart.p_" + i).build()));
      boolean teamA = i < 5;
      g.product("p-" + i).domain(teamA ? "sales" : "marketing").severity(i == 9 ? "critical" : "warning")
          .owner(teamA ? "team-a" : "team-b").exposes("mart.p_" + i)
          .routes(teamA
              ? "[{\"type\":\"email\",\"to\":[\"a@corp.test\"]}]"
              : "[{\"type\":\"email\",\"to\":[\"b@corp.test\"]},"
                  + "{\"type\":\"webhook\",\"url\":\"https://hooks.team-b.test/watershed\",\"secretEnv\":\"TEAM_B_SECRET\"}]")
          .build();
    }
    g.product("raw-orders").domain("platform").owner("team-raw").exposes("raw.orders")
        .routes("[{\"type\":\"email\",\"to\":[\"raw@corp.test\"]}]").build();
  }

  private void failIngest(String runId, ZonedDateTime at) {
    h.ingest(run(NS, "etl.ingest_orders", runId, "FAIL", at).output("raw.orders").error("slot quota exceeded").build());
  }

  @Test
  void shouldSendOneNotificationPerRecipientListingItsProductsWhenOneUpstreamFailureHitsElevenProducts() {
    failIngest("r1", T0);

    assertThat(h.alerts(AlertState.FIRING)).hasSize(11);
    assertThat(h.alerts(AlertState.FIRING)).extracting(Alert::fingerprint).containsOnly(
        new io.watershed.alerts.rootcause.RootCauseKey(RootCauseKind.RUN_FAILED, "job:bigquery:etl.ingest_orders").fingerprint());
    assertThat(h.planner.planDue()).isEqualTo(4);

    List<Recorded> sent = h.notifications();
    assertThat(sent).extracting(Recorded::recipientKey, Recorded::kind).containsExactlyInAnyOrder(
        tuple("email:raw@corp.test", "FIRING"),
        tuple("email:a@corp.test", "UPSTREAM_AT_RISK"),
        tuple("email:b@corp.test", "UPSTREAM_AT_RISK"),
        tuple(WEBHOOK, "UPSTREAM_AT_RISK"));
    Recorded teamA = byRecipient(sent, "email:a@corp.test");
    assertThat(teamA.products()).containsExactly("p-0", "p-1", "p-2", "p-3", "p-4");
    assertThat(teamA.status()).isEqualTo("PENDING");

    Notification b = NotificationCodec.read(byRecipient(sent, "email:b@corp.test").payload());
    assertThat(b.severity().name()).as("the highest severity of the listed products").isEqualTo("CRITICAL");
    assertThat(b.rootCause().kind()).isEqualTo(RootCauseKind.RUN_FAILED);
    assertThat(b.rootCause().nodeId()).isEqualTo("job:bigquery:etl.ingest_orders");
    assertThat(b.rootCause().description()).contains("slot quota exceeded");
    assertThat(b.title()).isEqualTo("etl.ingest_orders failed");
    assertThat(b.since()).isEqualTo(T0.toInstant());
    assertThat(b.affectedProducts()).extracting(p -> p.name() + "|" + p.owner() + "|" + p.state())
        .contains("p-9|team-b|at risk", "p-5|team-b|at risk");
    assertThat(b.rootCause().upstreamPath()).startsWith("job:bigquery:etl.ingest_orders", "dataset:bigquery:raw.orders");
    assertThat(b.link().toString()).isEqualTo("https://watershed.test/api/v1/alerts?fingerprint=" + b.fingerprint());

    Notification raw = NotificationCodec.read(byRecipient(sent, "email:raw@corp.test").payload());
    assertThat(raw.affectedProducts()).extracting(p -> p.name() + "|" + p.state()).containsExactly("raw-orders|not refreshed");
    assertThat(raw.rootCause().upstreamPath()).containsExactly("job:bigquery:etl.ingest_orders", "dataset:bigquery:raw.orders");
  }

  @Test
  void shouldNotNotifyAgainWhenTheSameFailureIsReportedAgainOrRepeats() {
    failIngest("r1", T0);
    h.planner.planDue();

    failIngest("r1", T0); // the same event, resent
    failIngest("r2", T0.plusMinutes(30)); // the job fails again before recovering
    h.clock.advance(Duration.ofMinutes(30));

    assertThat(h.changes.list(null, null, null, 0, 10)).hasSize(2);
    assertThat(h.alerts(AlertState.FIRING)).hasSize(11);
    assertThat(h.planner.planDue()).isZero();
    assertThat(h.notifications()).hasSize(4);
  }

  @Test
  void shouldResolveEveryAlertAndTellEachRecipientOnceWhenTheJobRecovers() {
    failIngest("r1", T0);
    failIngest("r2", T0.plusMinutes(30));
    h.planner.planDue();

    h.ingest(run(NS, "etl.ingest_orders", "r3", "COMPLETE", T0.plusHours(3)).output("raw.orders").build());

    assertThat(h.alerts(AlertState.FIRING)).isEmpty();
    List<Alert> resolved = h.alerts(AlertState.RESOLVED);
    assertThat(resolved).hasSize(11).allSatisfy(a -> {
      assertThat(a.resolvedAt()).isEqualTo(T0.plusHours(3).toInstant());
      assertThat(a.resolvedBy()).isEqualTo("RECOVERED");
    });
    assertThat(h.planner.planDue()).isEqualTo(4);
    List<Recorded> resolvedNotices = h.notifications().stream().filter(n -> n.kind().equals("RESOLVED")).toList();
    assertThat(resolvedNotices).extracting(Recorded::recipientKey).containsExactlyInAnyOrder(
        "email:raw@corp.test", "email:a@corp.test", "email:b@corp.test", WEBHOOK);
    Notification a = NotificationCodec.read(byRecipient(resolvedNotices, "email:a@corp.test").payload());
    assertThat(a.kind()).isEqualTo(NotificationKind.RESOLVED);
    assertThat(a.resolvedAt()).isEqualTo(T0.plusHours(3).toInstant());
    assertThat(a.affectedProducts()).extracting(p -> p.state()).containsOnly("recovered");
    assertThat(h.planner.planDue()).as("nothing left to say").isZero();
  }

  @Test
  void shouldEscalateAnAtRiskProductToFiringWhenItLeavesItsSloBecauseOfTheFailure() {
    failIngest("r1", T0);
    h.planner.planDue();
    h.clock.advance(Duration.ofHours(25));

    g.run("MATCH (p:DataProduct {name: 'p-5'}) SET p.state = 'OUT_OF_SLO', p.stateReasons = $reasons, p.stateSince = $at",
        Map.of("reasons", "[\"STALE:bigquery:mart.p_5\"]", "at", T0.plusHours(25)));
    h.engine.onProductState(new ProductStateChanged("p-5", "marketing", "IN_SLO", "OUT_OF_SLO",
        T0.plusHours(25).toInstant(), List.of("STALE:bigquery:mart.p_5")));

    Alert p5 = h.alerts(AlertState.FIRING).stream().filter(a -> a.product().equals("p-5")).findFirst().orElseThrow();
    assertThat(p5.role()).isEqualTo(AlertRole.DIRECT);
    assertThat(p5.productState()).isEqualTo("out of SLO");
    assertThat(h.alerts(AlertState.FIRING)).as("the same root cause: no new alert").hasSize(11);
    assertThat(h.planner.planDue()).isEqualTo(2);
    List<Recorded> escalations = h.notifications().subList(4, 6);
    assertThat(escalations).extracting(Recorded::recipientKey, Recorded::kind)
        .containsExactlyInAnyOrder(tuple("email:b@corp.test", "FIRING"), tuple(WEBHOOK, "FIRING"));
    assertThat(escalations.get(0).products()).hasSize(5).first().isEqualTo("p-5");

    // Recovery of the job alone does not end p-5's alert while p-5 is still out of its SLO.
    h.ingest(run(NS, "etl.ingest_orders", "r3", "COMPLETE", T0.plusHours(26)).output("raw.orders").build());
    assertThat(h.alerts(AlertState.FIRING)).extracting(Alert::product).containsExactly("p-5");
    h.engine.onProductState(new ProductStateChanged("p-5", "marketing", "OUT_OF_SLO", "IN_SLO",
        T0.plusHours(27).toInstant(), List.of()));
    assertThat(h.alerts(AlertState.FIRING)).isEmpty();
  }

  @Test
  void shouldAlertTheOwnersOfAStaleProductWithNoFailureUpstreamAndResolveWhenItIsBackInSlo() {
    g.run("MATCH (p:DataProduct {name: 'p-2'}) SET p.state = 'OUT_OF_SLO', p.stateReasons = $reasons",
        Map.of("reasons", "[\"STALE:bigquery:mart.p_2\"]"));
    h.engine.onProductState(new ProductStateChanged("p-2", "sales", "IN_SLO", "OUT_OF_SLO",
        T0.toInstant(), List.of("STALE:bigquery:mart.p_2")));

    List<Alert> firing = h.alerts(AlertState.FIRING);
    assertThat(firing).extracting(Alert::product, Alert::rootCauseKind, Alert::rootCauseNode, Alert::role)
        .containsExactly(tuple("p-2", RootCauseKind.STALE, "dataset:bigquery:mart.p_2", AlertRole.DIRECT));
    h.planner.planDue();
    h.clock.advance(Duration.ofHours(2));
    assertThat(h.notifications()).extracting(Recorded::recipientKey, Recorded::kind)
        .containsExactly(tuple("email:a@corp.test", "FIRING"));
    Notification n = NotificationCodec.read(h.notifications().get(0).payload());
    assertThat(n.title()).isEqualTo("mart.p_2 is stale");
    assertThat(n.rootCause().upstreamPath()).isEmpty();

    g.run("MATCH (p:DataProduct {name: 'p-2'}) SET p.state = 'IN_SLO'", Map.of());
    h.engine.onProductState(new ProductStateChanged("p-2", "sales", "OUT_OF_SLO", "IN_SLO",
        T0.plusHours(2).toInstant(), List.of()));
    assertThat(h.alerts(AlertState.RESOLVED)).hasSize(1);
    h.planner.planDue();
    assertThat(h.notifications()).extracting(Recorded::kind).containsExactly("FIRING", "RESOLVED");
  }

  @Test
  void shouldKeepAnAcknowledgedFailureFiringButResolveAnAcknowledgedBreakingChange() {
    failIngest("r1", T0);
    Alert raw = h.alerts(AlertState.FIRING).stream().filter(a -> a.product().equals("raw-orders")).findFirst()
        .orElseThrow();

    Alert acked = h.engine.acknowledge(raw.id(), "oncall@corp.test", "looking into the quota").orElseThrow();

    assertThat(acked.state()).isEqualTo(AlertState.FIRING);
    assertThat(acked.acknowledgedBy()).isEqualTo("oncall@corp.test");
    assertThat(acked.acknowledgeComment()).isEqualTo("looking into the quota");

    h.writer.write(List.of(run(NS, "dbt.raw", "s1", "COMPLETE", T0).output(dataset(NS, "raw.orders").schema("id:INT64", "amount:FLOAT64")).build()));
    h.ingest(run(NS, "dbt.raw", "s2", "COMPLETE", T0.plusHours(1)).output(dataset(NS, "raw.orders").schema("id:INT64")).build());
    Alert breaking = h.alerts(AlertState.FIRING).stream()
        .filter(a -> a.rootCauseKind() == RootCauseKind.SCHEMA_BREAKING && a.product().equals("raw-orders"))
        .findFirst().orElseThrow();
    h.planner.planDue();
    h.clock.advance(Duration.ofMinutes(5));

    Alert done = h.engine.acknowledge(breaking.id(), "owner@corp.test", "amount moved to raw.payments").orElseThrow();

    assertThat(done.state()).isEqualTo(AlertState.RESOLVED);
    assertThat(done.resolvedBy()).isEqualTo("ACKNOWLEDGED");
    h.planner.planDue();
    Recorded last = h.notifications().get(h.notifications().size() - 1);
    assertThat(last.kind()).isEqualTo("RESOLVED");
    assertThat(NotificationCodec.read(last.payload()).affectedProducts()).extracting(p -> p.state())
        .containsExactly("acknowledged");
  }

  @Test
  void shouldHoldNotificationsOfSilencedAlertsUntilTheSilenceEnds() {
    h.silences.create(new Silence("s1", "raw-orders", null, null, h.clock.instant(),
        h.clock.instant().plus(Duration.ofHours(1)), "oncall", "maintenance", h.clock.instant()));

    failIngest("r1", T0);
    h.planner.planDue();

    assertThat(h.notifications()).extracting(Recorded::recipientKey).doesNotContain("email:raw@corp.test").hasSize(3);
    h.clock.advance(Duration.ofMinutes(59));
    assertThat(h.planner.planDue()).isZero();
    h.clock.advance(Duration.ofMinutes(2));
    assertThat(h.planner.planDue()).isEqualTo(1);
    assertThat(h.notifications().get(3).recipientKey()).isEqualTo("email:raw@corp.test");
  }

  @Test
  void shouldRepostActiveAlertsToAlertmanagerBeforeTheyExpireThere() {
    g.product("raw-orders-am").domain("platform").owner("team-raw").exposes("raw.orders")
        .routes("[{\"type\":\"alertmanager\",\"url\":\"http://alertmanager.test:9093\"}]").build();
    failIngest("r1", T0);
    assertThat(h.planner.planDue()).isEqualTo(5);

    h.clock.advance(Duration.ofMinutes(14));
    assertThat(h.planner.planDue()).isZero();
    h.clock.advance(Duration.ofMinutes(1));
    assertThat(h.planner.planDue()).as("a quarter of the 1h firing TTL").isEqualTo(1);
    Recorded repost = h.notifications().get(5);
    assertThat(repost.recipientKey()).startsWith("alertmanager:");
    assertThat(repost.kind()).isEqualTo("FIRING");
    assertThat(repost.id()).contains(":2:firing");

    h.clock.advance(Duration.ofMinutes(1));
    h.ingest(run(NS, "etl.ingest_orders", "r2", "COMPLETE", T0.plusMinutes(20)).output("raw.orders").build());
    assertThat(h.planner.planDue()).isEqualTo(5);
    assertThat(h.notifications().get(h.notifications().size() - 1).id()).doesNotContain(":firing");
    h.clock.advance(Duration.ofHours(1));
    assertThat(h.planner.planDue()).as("nothing is re-posted once resolved").isZero();
  }

  private static Recorded byRecipient(List<Recorded> sent, String key) {
    return sent.stream().filter(n -> n.recipientKey().equals(key)).findFirst().orElseThrow();
  }
}
