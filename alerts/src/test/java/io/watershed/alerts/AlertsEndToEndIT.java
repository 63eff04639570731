package io.watershed.alerts;

import static io.watershed.alerts.testing.Events.dataset;
import static io.watershed.alerts.testing.Events.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.watershed.alerts.channel.RecordingHttpServer;
import io.watershed.alerts.delivery.OutboxStore;
import io.watershed.alerts.testing.AlertsDatabase;
import io.watershed.alerts.testing.DeliveryCounts;
import io.watershed.alerts.testing.Events.RunBuilder;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.events.ProductStateChanged;
import io.watershed.graph.testing.GraphFixture;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriter;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole module as Micronaut wires it, driven the way the other modules drive it: events written to the graph
 * and announced with {@link LineageCommitted}, product states announced with {@link ProductStateChanged}; alerts
 * leave through the outbox to a real SMTP server (GreenMail) and a real webhook receiver.
 *
 * <p>The demo mesh: {@code shop.ingest} writes {@code shop.orders(order_id, customer_id, amount, currency)}.
 * {@code finance.revenue_job} derives {@code finance.revenue.total} from {@code amount} (product revenue, finance
 * team); {@code exec.kpi_job} derives {@code exec.kpis.revenue} from that (product exec-kpis, exec team);
 * {@code crm.customers_job} derives {@code crm.customer_orders} from {@code customer_id} and {@code order_id} only
 * (product customer-orders, CRM team, a webhook).
 */
@MicronautTest
@ExtendWith(Neo4jExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsEndToEndIT implements TestPropertyProvider {

  private static final String NS = "bigquery";
  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);
  private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  private static final RecordingHttpServer CRM_HOOK = RecordingHttpServer.start();

  @Inject
  LineageWriter writer;

  @Inject
  ApplicationEventPublisher<LineageCommitted> lineage;

  @Inject
  ApplicationEventPublisher<ProductStateChanged> states;

  @Inject
  OutboxStore outbox;

  @Inject
  MeterRegistry meters;

  private GraphFixture g;

  @Override
  public @NonNull Map<String, String> getProperties() {
    SMTP.start();
    Map<String, String> p = new HashMap<>(AlertsDatabase.micronautProperties());
    p.put("watershed.public-url", "https://watershed.example.com");
    p.put("watershed.alerts.group-wait", "1s");
    p.put("watershed.alerts.plan-interval", "200ms");
    p.put("watershed.alerts.delivery.poll-interval", "200ms");
    p.put("watershed.alerts.email.host", "127.0.0.1");
    p.put("watershed.alerts.email.port", Integer.toString(SMTP.getSmtp().getPort()));
    p.put("watershed.alerts.email.security", "NONE");
    p.put("watershed.alerts.email.from", "Watershed <watershed@example.com>");
    p.put("watershed.test.webhook-secret", "0123456789abcdef0123456789abcdef");
    return p;
  }

  @AfterAll
  void stopReceivers() {
    SMTP.stop();
    CRM_HOOK.close();
  }

  @BeforeEach
  void demoMesh(TestNeo4j neo4j) throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
    g = new GraphFixture(neo4j.driver(), NS);
    commit(ordersRun("r1", T0.minusDays(1), "order_id:INT64", "customer_id:STRING", "amount:NUMERIC", "currency:STRING"));
    commit(run(NS, "finance.revenue_job", "f1", "COMPLETE", T0.minusDays(1)).input("shop.orders")
        .output(dataset(NS, "finance.revenue").schema("day:DATE", "total:NUMERIC").derives("total", "shop.orders", "amount")));
    commit(run(NS, "exec.kpi_job", "k1", "COMPLETE", T0.minusDays(1)).input("finance.revenue")
        .output(dataset(NS, "exec.kpis").schema("revenue:NUMERIC").derives("revenue", "finance.revenue", "total")));
    commit(run(NS, "crm.customers_job", "c1", "COMPLETE", T0.minusDays(1)).input("shop.orders")
        .output(dataset(NS, "crm.customer_orders").schema("customer_id:STRING", "orders:INT64")
            .derives("customer_id", "shop.orders", "customer_id").derives("orders", "shop.orders", "order_id")));
    g.product("revenue").domain("finance").severity("critical").owner("finance-team@example.com")
        .exposes("finance.revenue").routes("[{\"type\":\"email\",\"to\":[\"finance-team@example.com\"]}]").build()
        .product("exec-kpis").domain("exec").owner("exec-team@example.com").exposes("exec.kpis")
        .routes("[{\"type\":\"email\",\"to\":[\"exec-team@example.com\"]}]").build()
        .product("customer-orders").domain("crm").owner("crm-team").exposes("crm.customer_orders")
        .routes("[{\"type\":\"webhook\",\"url\":\"" + CRM_HOOK.uri("/crm") + "\",\"secretEnv\":\"CRM_SECRET\"},"
            + "{\"type\":\"email\",\"to\":[\"crm-team@example.com\"]}]").build();
  }

  @Test
  void shouldTellEachOwnerOnceAboutABrokenColumnUpstreamAndTellThemWhenItIsFixed() throws Exception {
    double emailsDelivered = DeliveryCounts.attempts(meters).get("email/delivered");
    commit(ordersRun("r2", T0, "order_id:INT64", "customer_id:STRING", "currency:STRING"));

    await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessages().length >= 2);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> SMTP.getReceivedMessages().length == 2);
    Map<String, MimeMessage> byRecipient = byRecipient(SMTP.getReceivedMessages());
    assertThat(byRecipient.keySet()).containsExactlyInAnyOrder("finance-team@example.com", "exec-team@example.com");
    MimeMessage finance = byRecipient.get("finance-team@example.com");
    assertThat(finance.getSubject())
        .isEqualTo("[UPSTREAM AT RISK][CRITICAL] revenue: Breaking schema change in shop.orders");
    String body = text(finance);
    assertThat(body).contains("removed amount", "dataset:bigquery:shop.orders", "revenue")
        .contains("datasetField:bigquery:shop.orders:amount")
        .doesNotContain("customer-orders", "exec-kpis");
    assertThat(text(byRecipient.get("exec-team@example.com"))).contains("exec-kpis").doesNotContain("customer-orders");
    assertThat(CRM_HOOK.requests()).as("customer-orders does not read amount").isEmpty();
    assertThat(outbox.list(null, null, null, 0, 100)).hasSize(2)
        .allSatisfy(n -> assertThat(n.status()).isEqualTo("DELIVERED"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(DeliveryCounts.attempts(meters)).as("every configured channel counted, the two emails delivered")
            .hasSize(16).containsEntry("email/delivered", emailsDelivered + 2));

    commit(ordersRun("r3", T0.plusHours(1), "order_id:INT64", "customer_id:STRING", "amount:NUMERIC", "currency:STRING"));

    await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessages().length >= 4);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> SMTP.getReceivedMessages().length == 4);
    List<String> resolved = new ArrayList<>();
    for (MimeMessage m : SMTP.getReceivedMessages()) {
      if (m.getSubject().startsWith("[RESOLVED]")) {
        resolved.add(m.getAllRecipients()[0].toString());
      }
    }
    assertThat(resolved).containsExactlyInAnyOrder("finance-team@example.com", "exec-team@example.com");
    assertThat(CRM_HOOK.requests()).isEmpty();
  }

  @Test
  void shouldAlertTheOwnersOfAStaleProductAndTheConsumersOfItsData() throws Exception {
    g.run("MATCH (p:DataProduct {name: 'revenue'}) SET p.state = 'OUT_OF_SLO', p.stateReasons = $r",
        Map.of("r", "[\"STALE:bigquery:finance.revenue\"]"));
    states.publishEvent(new ProductStateChanged("revenue", "finance", "IN_SLO", "OUT_OF_SLO",
        T0.plusHours(25).toInstant(), List.of("STALE:bigquery:finance.revenue")));

    await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessages().length >= 2);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
        .until(() -> SMTP.getReceivedMessages().length == 2);
    Map<String, MimeMessage> byRecipient = byRecipient(SMTP.getReceivedMessages());
    assertThat(byRecipient.get("finance-team@example.com").getSubject())
        .isEqualTo("[FIRING][CRITICAL] revenue: finance.revenue is stale");
    assertThat(byRecipient.get("exec-team@example.com").getSubject())
        .isEqualTo("[UPSTREAM AT RISK][WARNING] exec-kpis: finance.revenue is stale");

    g.run("MATCH (p:DataProduct {name: 'revenue'}) SET p.state = 'IN_SLO', p.stateReasons = '[]'", Map.of());
    states.publishEvent(new ProductStateChanged("revenue", "finance", "OUT_OF_SLO", "IN_SLO",
        T0.plusHours(26).toInstant(), List.of()));

    await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessages().length >= 4);
    assertThat(SMTP.getReceivedMessages()).extracting(MimeMessage::getSubject)
        .filteredOn(subject -> subject.startsWith("[RESOLVED]")).hasSize(2);
  }

  @Test
  void shouldNotNotifyAgainWhenAProductLeavesItsSloBecauseOfAFailureItsOwnersWereToldAbout() throws Exception {
    commit(run(NS, "finance.revenue_job", "f2", "FAIL", T0).input("shop.orders").output("finance.revenue"));
    await().atMost(Duration.ofSeconds(15)).until(() -> SMTP.getReceivedMessages().length >= 2);
    assertThat(byRecipient(SMTP.getReceivedMessages()).get("finance-team@example.com").getSubject())
        .isEqualTo("[FIRING][CRITICAL] revenue: finance.revenue_job failed");

    g.run("MATCH (p:DataProduct {name: 'revenue'}) SET p.state = 'OUT_OF_SLO', p.stateReasons = $r",
        Map.of("r", "[\"STALE:bigquery:finance.revenue\"]"));
    states.publishEvent(new ProductStateChanged("revenue", "finance", "IN_SLO", "OUT_OF_SLO",
        T0.plusHours(25).toInstant(), List.of("STALE:bigquery:finance.revenue")));

    // The root cause upstream of the stale product is the failed job: the same alerts, already notified.
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
        .until(() -> SMTP.getReceivedMessages().length == 2);
    assertThat(outbox.list(null, null, null, 0, 100)).hasSize(2);
  }

  private RunBuilder ordersRun(String runId, ZonedDateTime at, String... schema) {
    return run(NS, "shop.ingest", runId, "COMPLETE", at).output(dataset(NS, "shop.orders").schema(schema));
  }

  private void commit(RunBuilder run) {
    List<LineageEvent> events = List.of(run.build());
    writer.write(events);
    lineage.publishEvent(new LineageCommitted(events));
  }

  private static Map<String, MimeMessage> byRecipient(MimeMessage[] messages) throws MessagingException {
    Map<String, MimeMessage> out = new HashMap<>();
    for (MimeMessage m : messages) {
      for (Address a : m.getAllRecipients()) {
        assertThat(out.put(a.toString(), m)).as("one message for %s", a).isNull();
      }
    }
    return out;
  }

  private static String text(MimeMessage m) throws MessagingException, IOException {
    var multipart = (MimeMultipart) m.getContent();
    return (String) multipart.getBodyPart(0).getContent();
  }
}
