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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OdcsParserTest {

  private static final DatasetRef PAYMENTS =
      new DatasetRef("postgres://payments-db.internal:5432", "payments.core.settled_payments");
  private static final DatasetRef MERCHANTS =
      new DatasetRef("postgres://payments-db.internal:5432", "payments.core.merchants");

  /** The required ODCS header, then whatever a test adds. */
  private static String odcs(String more) {
    return """
        apiVersion: v3.1.0
        kind: DataContract
        id: orders
        version: 1.0.0
        status: active
        """ + more;
  }

  @Test
  void shouldMapOurPaymentsContract() {
    DataProductContract contract = parse("good/payments.odcs.yaml");

    assertThat(contract.format()).isEqualTo(ContractFormat.ODCS);
    assertThat(contract.name()).isEqualTo(ProductName.of("payments-core"));
    assertThat(contract.source().nameField()).isEqualTo("name");
    assertThat(contract.source().nameLine()).isEqualTo(8);
    assertThat(contract.version()).isEqualTo("1.4.0");
    assertThat(contract.domain()).isEqualTo("finance");
    assertThat(contract.description()).isEqualTo("Settled card payments, one row per payment, for finance reporting.");
    // carol@example.com left in 2020; bob is not an owner.
    assertThat(contract.owners()).containsExactly("payments-data", "alice@example.com");
    // Only the prod server counts; the dev one is ignored.
    assertThat(contract.outputPorts()).containsExactly(PAYMENTS, MERCHANTS);
    assertThat(contract.schemas()).extracting(DatasetSchema::dataset, DatasetSchema::type)
        .containsExactly(tuple(PAYMENTS, "table"), tuple(MERCHANTS, null));
    assertThat(contract.schemasFor(PAYMENTS).get(0).columns())
        .extracting(ColumnSpec::name, ColumnSpec::type, ColumnSpec::primaryKey, ColumnSpec::required)
        .containsExactly(tuple("payment_id", "uuid", true, true), tuple("merchant_id", "string", false, true),
            tuple("amount", "number", false, false));
    assertThat(contract.quality().completeness()).containsExactly(
        new CompletenessObjective(PAYMENTS, "payment_id", 1.0),
        new CompletenessObjective(PAYMENTS, "merchant_id", 0.98),
        new CompletenessObjective(MERCHANTS, "country", 0.9));
    assertThat(contract.quality().rowCounts()).containsExactly(new RowCountObjective(PAYMENTS, 10_000L, 5_000_000L));
    assertThat(contract.quality().checks()).containsExactly(
        new NamedCheck("amount_positive", PAYMENTS, "amount", "Amounts are positive"),
        new NamedCheck("merchant_id_unique", MERCHANTS, null, null));
    assertThat(contract.freshness()).isEqualTo(Duration.ofHours(6));
    assertThat(contract.availability()).isEqualTo(new AvailabilityTarget(0.995, Duration.ofDays(14)));
    assertThat(contract.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(contract.access()).isEqualTo(new Access(null, List.of("finance", "risk")));
    assertThat(contract.alertRoutes()).containsExactly(
        new AlertRoute.Email("payments-data@example.com"),
        new AlertRoute.Slack(URI.create("https://hooks.slack.com/services/T111/B222/YYYY"), "#payments-data"),
        new AlertRoute.Webhook(URI.create("https://pager.example.com/hooks/payments"), null));
    assertThat(contract.info())
        .containsEntry("sla.frequency", "1 h")
        .containsEntry("sla.retention", "7 y")
        .containsEntry("odcs.id", "payments-core")
        .containsEntry("odcs.name", "Payments Core")
        .containsEntry("description.usage", "Daily revenue dashboards and reconciliation.");
    assertThat(contract.warnings()).isEmpty();
  }

  @Test
  void shouldMapAJsonContractWithTheOutputPortsExtension() {
    DataProductContract contract = parse("good/clickstream.odcs.json");
    DatasetRef pageViews = new DatasetRef("s3://acme-clickstream", "raw/page_views");

    assertThat(contract.outputPorts()).containsExactly(pageViews);
    // One schema object: its schema applies to every port.
    assertThat(contract.schemas()).singleElement().satisfies(schema -> assertThat(schema.dataset()).isNull());
    assertThat(contract.owners()).containsExactly("web-analytics");
    assertThat(contract.freshness()).isEqualTo(Duration.ofHours(2));
    assertThat(contract.availability()).isEqualTo(AvailabilityTarget.of(0.995));
    assertThat(contract.alertRoutes()).containsExactly(new AlertRoute.Email("web-analytics@example.com"));
    assertThat(contract.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void shouldReportSchemaViolationsWithTheirLines() {
    assertThat(problemsOf("bad/schema-invalid.odcs.yaml")).containsExactly(
        new ContractProblem("status", 1, "is required"),
        new ContractProblem("servers[0].port", 7, "is required"),
        new ContractProblem("schema[0].propertees", 15, "is not a field ODCS v3.1 allows here"),
        new ContractProblem("schema[0].properties[0].logicalType", 19, "does not have a value in the enumeration "
            + "[\"string\", \"date\", \"timestamp\", \"time\", \"number\", \"integer\", \"object\", \"array\", "
            + "\"boolean\"]"),
        new ContractProblem("slaProperties[0].value", 22,
            "must be one of the types boolean, integer, null, number, string; found array"));
  }

  @Test
  void shouldReportWhatTheSchemaAllowsButWatershedCannotUse() {
    assertThat(problemsOf("bad/unmappable.odcs.yaml")).containsExactly(
        new ContractProblem("name", 7, "cannot be made into a product name, which " + ProductName.RULE),
        new ContractProblem("schema[0].properties[0].quality[0].mustBeLessThan", 14,
            "must be a percent between 0 and 100"),
        new ContractProblem("schema[0].quality[0].mustBeLessThan", 18, "can never be met by a row count"),
        new ContractProblem("slaProperties[0].unit", 22, ContractDurations.UNIT_RULE),
        new ContractProblem("slaProperties[1].value", 24, Ratios.AVAILABILITY_RULE),
        new ContractProblem("customProperties[0].property", 26,
            "is not a known Watershed extension; did you mean 'watershed.outputPorts'?"),
        new ContractProblem("customProperties[1].value", 29, "must be one of: critical, warning, info"));
  }

  @Test
  void shouldNameTheProductAfterNameThenDataProductThenId() {
    assertThat(parseText(odcs("name: My Orders\ndataProduct: x\n")).name()).isEqualTo(ProductName.of("my-orders"));
    DataProductContract fromDataProduct = parseText(odcs("dataProduct: Order Quantum\n"));
    assertThat(fromDataProduct.name()).isEqualTo(ProductName.of("order-quantum"));
    assertThat(fromDataProduct.source().nameField()).isEqualTo("dataProduct");
    assertThat(parseText(odcs("")).name()).isEqualTo(ProductName.of("orders"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      type: postgres, host: db, port: 5432, database: shop, schema: public   | postgres://db:5432   | shop.public.orders
      type: postgresql, host: db, port: 6543, database: shop, schema: public | postgres://db:6543   | shop.public.orders
      type: mysql, host: db, port: 3306, database: shop                      | mysql://db:3306      | shop.orders
      type: sqlserver, host: db, database: shop, schema: dbo                 | mssql://db:1433      | shop.dbo.orders
      type: trino, host: tr, port: 8080, catalog: hive, schema: sales        | trino://tr:8080      | hive.sales.orders
      type: bigquery, project: acme, dataset: sales                          | bigquery             | acme.sales.orders
      type: snowflake, account: acme-eu1, database: SHOP, schema: PUBLIC     | snowflake://acme-eu1 | SHOP.PUBLIC.orders
      type: kafka, host: 'b1:9092,b2:9092'                                   | kafka://b1:9092      | orders
      type: clickhouse, host: ch, port: 9000, database: shop                 | clickhouse://ch:9000 | shop.orders
      type: db2, host: d, port: 50000, database: shop, schema: s             | db2://d:50000        | shop.s.orders
      type: databricks, host: 'https://dbc-1.cloud.databricks.com/', catalog: main, schema: sales \
      | databricks://dbc-1.cloud.databricks.com | main.sales.orders
      """)
  void shouldDeriveOutputPortsFromServersTheOpenLineageWay(String server, String namespace, String name) {
    DataProductContract contract = parseText(odcs("""
        servers:
          - {server: main, %s}
        schema:
          - name: orders
        """.formatted(server)));
    assertThat(contract.outputPorts()).containsExactly(new DatasetRef(namespace, name));
    assertThat(contract.warnings()).extracting(ContractProblem::field).doesNotContain("servers", "servers[0]");
  }

  @Test
  void shouldQualifyPartlyQualifiedTableNames() {
    assertThat(OdcsServers.qualify(List.of("shop", "public"), "orders")).isEqualTo("shop.public.orders");
    assertThat(OdcsServers.qualify(List.of("shop", "public"), "sales.orders")).isEqualTo("shop.sales.orders");
    assertThat(OdcsServers.qualify(List.of("shop", "public"), "x.sales.orders")).isEqualTo("x.sales.orders");
  }

  @Test
  void shouldWarnWhenAServerGivesNoDatasetNames() {
    DataProductContract contract = parseText(odcs("""
        servers:
          - {server: lake, type: s3, location: "s3://bucket/orders/"}
        schema:
          - name: orders
        """));
    assertThat(contract.outputPorts()).isEmpty();
    assertThat(contract.warnings()).extracting(ContractProblem::field, ContractProblem::line).containsExactly(
        tuple("team", 1), tuple("servers", 6), tuple("servers[0]", 7));
    assertThat(contract.warnings().get(2).rule()).startsWith("servers[0] (lake, s3) is of a type Watershed has no "
        + "OpenLineage naming rule for");
  }

  @Test
  void shouldMapNullRulesToCompletenessThresholds() {
    DataProductContract contract = parseText(odcs("""
        schema:
          - name: orders
            properties:
              - name: a
                quality: [{metric: nullValues, mustBe: 0}]
              - name: b
                quality: [{metric: nullValues, mustBeLessThan: 1}]
              - name: c
                quality: [{metric: nullValues, mustBeLessOrEqualTo: 2.5, unit: percent}]
              - name: d
                quality: [{metric: missingValues, mustBeBetween: [0, 10], unit: percent}]
              - name: e
                physicalName: e_col
                quality: [{metric: nullValues, mustBeLessThan: 5, unit: percent},
                          {metric: nullValues, mustBeLessThan: 1, unit: percent}]
        """));
    assertThat(contract.quality().completeness()).extracting(CompletenessObjective::column,
        CompletenessObjective::minRatio).containsExactly(
        tuple("a", 1.0), tuple("b", 1.0), tuple("c", 0.975), tuple("d", 0.9), tuple("e_col", 0.99));
    assertThat(contract.warnings()).extracting(ContractProblem::field)
        .contains("schema[0].properties[4].quality[1]");
  }

  @Test
  void shouldKeepUnmappableRulesAsNamedChecksOrWarnings() {
    DataProductContract contract = parseText(odcs("""
        schema:
          - name: orders
            properties:
              - name: a
                quality:
                  - {metric: nullValues, mustBeLessThan: 10}
                  - {metric: nullValues, mustBeGreaterThan: 10, unit: percent, name: mostly_empty}
                  - {metric: invalidValues, mustBe: 0, arguments: {validValues: [x]}}
            quality:
              - {type: text, description: Looks right to a human}
              - {type: custom, engine: soda, implementation: "checks for orders", name: soda_orders}
              - {metric: rowCount, mustNotBe: 0, name: not_empty}
        """));
    assertThat(contract.quality().completeness()).isEmpty();
    assertThat(contract.quality().checks()).extracting(NamedCheck::name, NamedCheck::column).containsExactly(
        tuple("mostly_empty", "a"), tuple("soda_orders", null), tuple("not_empty", null));
    assertThat(contract.warnings()).extracting(ContractProblem::field, ContractProblem::rule).contains(
        tuple("schema[0].properties[0].quality[0]", "allows 9 null rows, which is not a share of the rows (use "
            + "unit: percent); Watershed does not evaluate it (give the rule a 'name' to track it as a named check)"),
        tuple("schema[0].properties[0].quality[2]", "uses metric 'invalidValues'; Watershed does not evaluate it "
            + "(give the rule a 'name' to track it as a named check)"),
        tuple("schema[0].quality[0]", "is of type 'text'; Watershed does not evaluate it (give the rule a 'name' "
            + "to track it as a named check)"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      mustBe: 500                    | 500  | 500
      mustBeGreaterThan: 1000000     | 1000001 |
      mustBeGreaterOrEqualTo: 10.5   | 11   |
      mustBeLessThan: 100            |      | 99
      mustBeLessOrEqualTo: 100       |      | 100
      'mustBeBetween: [200, 100]'    | 100  | 200
      mustBeGreaterThan: -5          | 0    |
      """)
  void shouldMapRowCountOperatorsToInclusiveRanges(String operator, Long min, Long max) {
    DataProductContract contract = parseText(odcs("""
        schema:
          - name: orders
            quality:
              - {metric: rowCount, %s}
        """.formatted(operator)));
    assertThat(contract.quality().rowCounts()).containsExactly(new RowCountObjective(null, min, max));
  }

  @Test
  void shouldTakeTheStrictestFreshnessAndKeepOtherSlaPropertiesAsInfo() {
    DataProductContract contract = parseText(odcs("""
        slaProperties:
          - {property: latency, value: 2, unit: days}
          - {property: freshness, value: "36", unit: hours}
          - {property: freshness, value: 24h}
          - {property: availability, value: 99.9}
          - {property: frequency, value: 1, unit: d}
          - {property: timeOfAvailability, value: "09:00-08:00", element: tab1.txn_ref_dt}
        """));
    assertThat(contract.freshness()).isEqualTo(Duration.ofHours(24));
    assertThat(contract.availability()).isEqualTo(AvailabilityTarget.of(0.999));
    assertThat(contract.info()).containsEntry("sla.frequency", "1 d")
        .containsEntry("sla.timeOfAvailability", "09:00-08:00 (element tab1.txn_ref_dt)");
    assertThat(contract.warnings()).extracting(ContractProblem::field).contains("slaProperties[0]");
  }

  @Test
  void shouldReadAvailabilityInEveryWrittenForm() {
    for (String value : List.of("\"99.5%\"", "99.5", "0.995", "\"0.995\"")) {
      DataProductContract contract = parseText(odcs("slaProperties: [{property: availability, value: " + value
          + "}]\n"));
      assertThat(contract.availability().target()).as(value).isEqualTo(0.995);
    }
    DataProductContract withUnit = parseText(odcs("slaProperties: [{property: availability, value: 1, unit: '%'}]"
        + "\n"));
    assertThat(withUnit.availability().target()).isEqualTo(0.01);
  }

  @Test
  void shouldRequireAUnitForNumericLatency() {
    assertThat(problemsOfText(odcs("slaProperties:\n  - {property: latency, value: 4}\n")))
        .containsExactly(new ContractProblem("slaProperties[0].unit", 7,
            "is required with a numeric value: " + ContractDurations.UNIT_RULE));
  }

  @Test
  void shouldReadOwnersFromTheOlderTeamList() {
    DataProductContract contract = parseText(odcs("""
        team:
          - {username: ann, role: engineer}
          - {username: ben, role: analyst, dateOut: "2030-01-01"}
          - {username: cid, dateOut: "2025-12-31"}
        """));
    // Nobody is an owner by role, so every current member is.
    assertThat(contract.owners()).containsExactly("ann", "ben");
  }

  @Test
  void shouldKeepSupportChannelsForPeopleOutOfAlertRoutes() {
    DataProductContract contract = parseText(odcs("""
        support:
          - {channel: "#orders", tool: slack, url: "https://acme.slack.com/archives/C0123"}
          - {channel: orders@example.com, tool: email}
          - {channel: tickets, tool: jira, url: "https://jira.example.com/ORD"}
        """));
    assertThat(contract.alertRoutes()).containsExactly(new AlertRoute.Slack(null, "#orders"),
        new AlertRoute.Email("orders@example.com"));
    assertThat(contract.warnings()).extracting(ContractProblem::field).contains("support[2]");
    assertThat(contract.info()).containsEntry("support", "#orders (slack), orders@example.com (email), tickets (jira)");
  }

  @Test
  void shouldMatchExtensionPortsToSchemaObjectsByTableName() {
    DataProductContract contract = parseText(odcs("""
        schema:
          - name: orders
            properties: [{name: id, quality: [{metric: nullValues, mustBe: 0}]}]
          - name: lines
            physicalName: order_lines
            properties: [{name: id}]
          - name: archive
            properties: [{name: id}]
        customProperties:
          - property: watershed.outputPorts
            value:
              - {namespace: "postgres://db:5432", name: shop.public.orders}
              - {namespace: "postgres://db:5432", name: shop.public.order_lines}
        """));
    DatasetRef orders = new DatasetRef("postgres://db:5432", "shop.public.orders");
    assertThat(contract.quality().completeness()).containsExactly(new CompletenessObjective(orders, "id", 1.0));
    assertThat(contract.schemas()).extracting(DatasetSchema::dataset)
        .containsExactly(orders, new DatasetRef("postgres://db:5432", "shop.public.order_lines"));
    assertThat(contract.warnings()).extracting(ContractProblem::field).containsExactly("team", "schema[2]");
  }

  @Test
  void shouldRejectBadExtensions() {
    assertThat(problemsOfText(odcs("""
        customProperties:
          - {property: watershed.outputPorts, value: []}
          - {property: watershed.alerts, value: {email: nobody}}
          - {property: watershed.availabilityWindow, value: 30}
          - {property: watershed.severity, value: info}
          - {property: watershed.severity, value: info}
          - {property: somethingElse, value: kept}
        """))).containsExactly(
        new ContractProblem("customProperties[0].value", 7,
            "must be a list of {namespace, name} datasets, with at least one"),
        new ContractProblem("customProperties[1].value.email", 8, "must be an email address such as team@example.com"),
        new ContractProblem("customProperties[2].value", 9, ContractDurations.RULE),
        new ContractProblem("customProperties[4].property", 11,
            "repeats 'watershed.severity'; write each extension once"));
  }
}
