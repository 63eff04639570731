package io.watershed.quality.contract;

import static io.watershed.quality.contract.Fixtures.parse;
import static io.watershed.quality.contract.Fixtures.parseText;
import static io.watershed.quality.contract.Fixtures.problemsOf;
import static io.watershed.quality.contract.Fixtures.problemsOfText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortFormParserTest {

  private static final DatasetRef CLV =
      new DatasetRef("bigquery", "analytics-prod.customer.customer_lifetime_value");

  /** A valid document to vary: the MISSION.md example cut down to what is required. */
  private static String minimal(String more) {
    return """
        spec:
          metadata:
            name: "customer-lifetime-value"
            domain: "customer"
            owner: "customer-analytics@company.com"
          output_ports:
            - namespace: "bigquery"
              name: "analytics-prod.customer.customer_lifetime_value"
        """ + more.indent(2);
  }

  @Test
  void shouldReadTheMissionExample() {
    DataProductContract contract = parse("good/mission-example.data-product.yml");

    assertThat(contract.name()).isEqualTo(ProductName.of("customer-lifetime-value"));
    assertThat(contract.format()).isEqualTo(ContractFormat.SHORT);
    assertThat(contract.version()).isEqualTo("1.0");
    assertThat(contract.domain()).isEqualTo("customer");
    assertThat(contract.owners()).containsExactly("customer-analytics@company.com");
    assertThat(contract.description()).isEqualTo("Predicted customer lifetime value updated daily");
    assertThat(contract.outputPorts()).containsExactly(CLV);
    assertThat(contract.schemas()).singleElement().satisfies(schema -> {
      assertThat(schema.dataset()).isNull();
      assertThat(schema.type()).isEqualTo("table");
      assertThat(schema.columns()).containsExactly(
          new ColumnSpec("customer_id", "string", true, true, null),
          new ColumnSpec("predicted_ltv", "float", false, false, null));
    });
    assertThat(contract.quality().completeness()).containsExactly(
        new CompletenessObjective(null, "customer_id", 1.0),
        new CompletenessObjective(null, "predicted_ltv", 0.95));
    assertThat(contract.quality().rowCounts()).isEmpty();
    assertThat(contract.freshness()).isEqualTo(Duration.ofHours(24));
    assertThat(contract.availability()).isEqualTo(new AvailabilityTarget(0.99, Duration.ofDays(30)));
    assertThat(contract.access()).isEqualTo(new Access("public", List.of("analytics", "marketing", "sales")));
    assertThat(contract.severity()).isEqualTo(Severity.WARNING);
    assertThat(contract.alertRoutes()).isEmpty();
    assertThat(contract.info()).containsEntry("sla.support", "customer-analytics@company.com");
    assertThat(contract.warnings()).isEmpty();
    assertThat(contract.source().text()).isEqualTo(Fixtures.text("good/mission-example.data-product.yml"));
    assertThat(contract.source().nameField()).isEqualTo("spec.metadata.name");
    assertThat(contract.source().nameLine()).isEqualTo(5);
  }

  @Test
  void shouldReadEveryKeyOfTheFullShortForm() {
    DataProductContract contract = parse("good/full-short-form.data-product.yml");
    DatasetRef events = new DatasetRef("postgres://orders-db.internal:5432", "shop.public.order_events");

    assertThat(contract.version()).isEqualTo("2.3.0");
    assertThat(contract.owners()).containsExactly("order-platform", "jane.doe@example.com");
    assertThat(contract.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(contract.outputPorts())
        .containsExactly(events, new DatasetRef("kafka://broker-1.internal:9092", "order-events.v2"));
    assertThat(contract.schemas().get(0).columns()).extracting(ColumnSpec::name, ColumnSpec::required)
        .containsExactly(tuple("order_id", true), tuple("customer_id", true), tuple("status", false),
            tuple("amount", false));
    assertThat(contract.schemas().get(0).columns().get(0).description()).isEqualTo("Order identifier");
    assertThat(contract.quality().completeness()).extracting(CompletenessObjective::column,
        CompletenessObjective::minRatio)
        .containsExactly(tuple("customer_id", 0.999), tuple("status", 1.0), tuple("amount", 0.9));
    assertThat(contract.quality().rowCounts()).containsExactly(new RowCountObjective(null, 1000L, 50_000_000L));
    assertThat(contract.quality().checks()).containsExactly(
        new NamedCheck("order_amount_positive", null, null, null),
        new NamedCheck("status_in_allowed_set", null, "status", "dbt accepted_values test"),
        new NamedCheck("no_duplicate_events", events, null, null));
    assertThat(contract.freshness()).isEqualTo(Duration.ofMinutes(90));
    assertThat(contract.availability()).isEqualTo(new AvailabilityTarget(0.995, Duration.ofDays(7)));
    assertThat(contract.access()).isEqualTo(new Access("internal", List.of("finance", "customer-analytics")));
    assertThat(contract.info()).containsEntry("sla.support", "order-platform@example.com, #order-platform");
    assertThat(contract.alertRoutes()).containsExactly(
        new AlertRoute.Email("order-platform@example.com"),
        new AlertRoute.Email("oncall-data@example.com"),
        new AlertRoute.Slack(URI.create("https://hooks.slack.com/services/T000/B000/XXXX"), "#order-alerts"),
        new AlertRoute.Webhook(URI.create("https://alerts.example.com/hooks/watershed"),
            "ORDER_ALERTS_WEBHOOK_SECRET"));
  }

  @Test
  void shouldApplyDefaultsWhenOptionalSectionsAreMissing() {
    DataProductContract contract = parseText(minimal(""));

    assertThat(contract.version()).isNull();
    assertThat(contract.description()).isNull();
    assertThat(contract.schemas()).isEmpty();
    assertThat(contract.quality()).isEqualTo(QualityObjectives.NONE);
    assertThat(contract.freshness()).isNull();
    assertThat(contract.availability()).isNull();
    assertThat(contract.severity()).isEqualTo(Severity.DEFAULT);
    assertThat(contract.access()).isEqualTo(Access.NONE);
    assertThat(contract.alertRoutes()).isEmpty();
  }

  @Test
  void shouldReadTheShortFormWrittenAsJson() {
    DataProductContract contract = parseText("""
        {"spec": {"metadata": {"name": "clv", "domain": "customer", "owner": "team-a"},
                  "output_ports": [{"namespace": "bigquery", "name": "p.d.t"}],
                  "quality": {"freshness": "PT2H"}}}
        """);
    assertThat(contract.freshness()).isEqualTo(Duration.ofHours(2));
    assertThat(contract.outputPorts()).containsExactly(new DatasetRef("bigquery", "p.d.t"));
  }

  @Test
  void shouldReportEveryBadRatioWithItsLine() {
    assertThat(problemsOf("bad/bad-ratio.yml")).containsExactly(
        new ContractProblem("spec.quality.completeness.customer_id", 11, ShortFormParser.RATIO_RULE),
        new ContractProblem("spec.quality.completeness.predicted_ltv", 12, ShortFormParser.RATIO_RULE),
        new ContractProblem("spec.quality.completeness.segment", 13, ShortFormParser.RATIO_RULE));
  }

  @Test
  void shouldRejectUnknownKeysAndSuggestTheIntendedOne() {
    assertThat(problemsOf("bad/unknown-key.yml")).containsExactly(
        new ContractProblem("spec.metadata.owner", 2, "is required"),
        new ContractProblem("spec.metadata.onwer", 5, "is not a known key; did you mean 'owner'?"),
        new ContractProblem("spec.qualty", 9, "is not a known key; did you mean 'quality'?"),
        new ContractProblem("spec.alerts.pagerduty", 14,
            "is not a known key; expected one of: email, slack, webhook"));
  }

  @Test
  void shouldRejectBadDurations() {
    assertThat(problemsOf("bad/bad-duration.yml")).containsExactly(
        new ContractProblem("spec.quality.freshness", 10, ContractDurations.RULE),
        new ContractProblem("spec.sla.window", 13, ContractDurations.RULE));
  }

  @Test
  void shouldRequireOutputPorts() {
    assertThat(problemsOf("bad/missing-output-ports.yml"))
        .containsExactly(new ContractProblem("spec.output_ports", 1, "is required"));
    assertThat(problemsOfText("""
        spec:
          metadata: {name: clv, domain: customer, owner: team-a}
          output_ports: []
        """)).containsExactly(new ContractProblem("spec.output_ports", 3,
        "must list at least one dataset the product exposes"));
  }

  @Test
  void shouldRejectBadAlertRoutesAndSeverity() {
    assertThat(problemsOf("bad/bad-alerts.yml")).extracting(ContractProblem::field, ContractProblem::line)
        .containsExactly(
            tuple("spec.metadata.severity", 6),
            tuple("spec.alerts.email[1]", 11),
            tuple("spec.alerts.slack.channel", 13),
            tuple("spec.alerts.webhook.url", 15),
            tuple("spec.alerts.webhook.secret_env", 16));
  }

  @Test
  void shouldRejectPortsThatAreIncompleteOrRepeated() {
    assertThat(problemsOfText("""
        spec:
          metadata: {name: clv, domain: customer, owner: team-a}
          output_ports:
            - namespace: bigquery
              name: p.d.t
            - namespace: bigquery
              name: p.d.t
            - namespace: " bigquery"
            - name: 42
              namespace: bigquery
        """)).containsExactly(
        new ContractProblem("spec.output_ports[1]", 6, "repeats the output port bigquery/p.d.t"),
        new ContractProblem("spec.output_ports[2].name", 8, "is required"),
        new ContractProblem("spec.output_ports[2].namespace", 8, "must not start or end with whitespace"),
        new ContractProblem("spec.output_ports[3].name", 9, "must be a text, not the number 42"));
  }

  @Test
  void shouldCheckQualityAgainstTheDeclaredSchemaAndPorts() {
    assertThat(problemsOfText(minimal("""
        schema:
          columns:
            - name: customer_id
            - name: customer_id
        quality:
          completeness:
            customer_idd: 1.0
          checks:
            - name: unique_ids
              column: id
            - name: other_dataset
              dataset: {namespace: bigquery, name: other.table}
            - unique_ids
            - unique_ids
        """))).containsExactly(
        new ContractProblem("spec.schema.columns[1].name", 12, "repeats the column 'customer_id'"),
        new ContractProblem("spec.quality.completeness.customer_idd", 15, "is not a column of spec.schema.columns"),
        new ContractProblem("spec.quality.checks[0].column", 18, "is not a column of spec.schema.columns"),
        new ContractProblem("spec.quality.checks[1].dataset", 20,
            "must be one of spec.output_ports; bigquery/other.table is not"),
        new ContractProblem("spec.quality.checks[3]", 22, "repeats the check 'unique_ids'"));
  }

  @Test
  void shouldRejectImpossibleRowCountRanges() {
    assertThat(problemsOfText(minimal("""
        quality:
          row_count: {min: 10, max: 5}
        """))).containsExactly(new ContractProblem("spec.quality.row_count.min", 10,
        "must not be greater than max (5)"));
    assertThat(problemsOfText(minimal("""
        quality:
          row_count: {min: -1, max: 2.5}
        """))).extracting(ContractProblem::field, ContractProblem::rule).containsExactly(
        tuple("spec.quality.row_count.max", ShortFormParser.ROW_COUNT_RULE),
        tuple("spec.quality.row_count.min", ShortFormParser.ROW_COUNT_RULE));
    assertThat(problemsOfText(minimal("""
        quality:
          row_count: {}
        """))).containsExactly(new ContractProblem("spec.quality.row_count", 10, "must have a min, a max or both"));
  }

  @Test
  void shouldReadAvailabilityAsRatioOrPercent() {
    assertThat(parseText(minimal("sla: {availability: \"99.9%\"}")).availability().target()).isEqualTo(0.999);
    assertThat(parseText(minimal("sla: {availability: 1}")).availability().target()).isEqualTo(1.0);
    assertThat(problemsOfText(minimal("sla: {availability: 99.9}")))
        .containsExactly(new ContractProblem("spec.sla.availability", 9, Ratios.AVAILABILITY_RULE));
    assertThat(problemsOfText(minimal("sla: {window: 7d}")))
        .containsExactly(new ContractProblem("spec.sla.window", 9,
            "needs spec.sla.availability: a window is the period of a target"));
  }

  @Test
  void shouldRejectBadNamesAndDiscovery() {
    assertThat(problemsOfText("""
        spec:
          metadata: {name: "Customer LTV", domain: customer, owner: [team-a, team-a]}
          output_ports: [{namespace: bigquery, name: p.d.t}]
          access: {discovery: everyone, read: analytics}
        """)).containsExactly(
        new ContractProblem("spec.metadata.name", 2, ProductName.RULE),
        new ContractProblem("spec.metadata.owner[1]", 2, "repeats 'team-a'"),
        new ContractProblem("spec.access.discovery", 4, "must be one of: internal, private, public"));
  }

  @Test
  void shouldRejectValuesOfTheWrongKind() {
    assertThat(problemsOfText("""
        spec:
          metadata: "clv"
          output_ports: {namespace: bigquery}
          quality: [freshness]
        """)).containsExactly(
        new ContractProblem("spec.metadata", 2, "must be a mapping of keys to values, not the text 'clv'"),
        new ContractProblem("spec.output_ports", 3, "must be a list, not a mapping"),
        new ContractProblem("spec.quality", 4, "must be a mapping of keys to values, not a list"));
  }

  @Test
  void shouldKeepNumbersAsWritten() {
    String withVersion = minimal("").replace("spec:\n", "spec:\n  version: 1.10\n");
    assertThat(parseText(withVersion).version()).isEqualTo("1.10");
    assertThat(parseText(minimal("quality: {completeness: {id: 0.90}}")).quality().completeness())
        .containsExactly(new CompletenessObjective(null, "id", 0.9));
    assertThat(problemsOfText(minimal("quality: {completeness: {id: .nan}}"))).singleElement()
        .satisfies(problem -> {
          assertThat(problem.line()).isEqualTo(9);
          assertThat(problem.rule()).isEqualTo("is not valid YAML: Malformed numeric value '.nan'");
        });
  }

  @Test
  void shouldReportEveryProblemOfADocumentAtOnce() {
    List<ContractProblem> problems = problemsOfText("""
        spec:
          metadata: {name: clv, domain: customer, owner: team-a, severity: loud}
          output_ports: [{namespace: bigquery, name: p.d.t}]
          quality:
            completeness: {id: 2}
            freshness: soon
          sla: {availability: 0}
          alerts: {email: nobody}
        """);
    assertThat(problems).extracting(ContractProblem::line).containsExactly(2, 5, 6, 7, 8);
  }
}
