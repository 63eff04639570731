package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The ODCS examples in shared/reference/odcs/examples, read in place (they are not copied into this repository).
 * Decision, documented in docs/contracts.md: an example that is valid against the ODCS schema is accepted (with
 * warnings for what Watershed cannot use), one that is not is rejected with the schema's problems.
 */
class SharedOdcsExamplesTest {

  private static final String SKIP = "…/shared not found: skipping tests against the shared ODCS examples";

  private static Path examples() {
    String shared = System.getProperty("watershed.shared.dir");
    Path dir = shared == null ? null : Path.of(shared, "reference", "odcs", "examples");
    assumeTrue(dir != null && Files.isDirectory(dir), SKIP);
    return dir;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static DataProductContract parse(String name) {
    return Fixtures.PARSER.parse(read(examples().resolve(name)));
  }

  @TestFactory
  Stream<DynamicTest> shouldAcceptSchemaValidExamplesAndRejectTheOthers() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(examples())) {
      files = list.filter(ContractDirectory::isContractFile).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      String text = read(file);
      List<ContractProblem> schemaProblems = new OdcsSchemaValidator().validate(SourceDocumentReader.read(text));
      if (schemaProblems.isEmpty()) {
        DataProductContract contract = Fixtures.PARSER.parse(text);
        assertThat(contract.format()).isEqualTo(ContractFormat.ODCS);
        assertThat(ProductName.isValid(contract.name().value())).isTrue();
      } else {
        assertThatThrownBy(() -> Fixtures.PARSER.parse(text)).isInstanceOf(ContractValidationException.class);
      }
    }));
  }

  @Test
  void shouldFindEveryKnownExampleSchemaValid() throws IOException {
    for (String name : List.of("column-completeness.odcs.yaml", "column-validity.odcs.yaml",
        "database-table-sla.odcs.yaml", "full-example.odcs.yaml")) {
      assertThat(new OdcsSchemaValidator().validate(SourceDocumentReader.read(read(examples().resolve(name)))))
          .as(name).isEmpty();
    }
  }

  @Test
  void shouldMapTheFullExample() {
    DataProductContract contract = parse("full-example.odcs.yaml");
    DatasetRef table = new DatasetRef("postgres://localhost:5432", "pypl-edw.pp_access_views.tbl_1");
    DatasetRef receivers = new DatasetRef("postgres://localhost:5432", "pypl-edw.pp_access_views.receivers_master");

    // No 'name': the deprecated dataProduct names it.
    assertThat(contract.name()).isEqualTo(ProductName.of("my-quantum"));
    assertThat(contract.source().nameField()).isEqualTo("dataProduct");
    assertThat(contract.source().nameLine()).isEqualTo(3);
    assertThat(contract.domain()).isEqualTo("seller");
    assertThat(contract.owners()).containsExactly("my-team", "daustin");
    assertThat(contract.description()).isEqualTo("Views built on top of the seller tables.");
    assertThat(contract.outputPorts()).containsExactly(table, receivers);
    assertThat(contract.schemasFor(table)).singleElement()
        .satisfies(schema -> assertThat(schema.columns()).extracting(ColumnSpec::name)
            .containsExactly("txn_ref_dt", "rcvr_id", "rcvr_cntry_code"));
    assertThat(contract.quality().completeness())
        .containsExactly(new CompletenessObjective(table, "rcvr_cntry_code", 1.0));
    assertThat(contract.quality().rowCounts()).containsExactly(new RowCountObjective(table, 1_000_001L, null));
    assertThat(contract.freshness()).isEqualTo(Duration.ofDays(4));
    assertThat(contract.availability()).isNull();
    assertThat(contract.alertRoutes()).containsExactly(new AlertRoute.Slack(null, "#product-help"),
        new AlertRoute.Email("datacontract-ann@bitol.io"));
    assertThat(contract.info()).containsEntry("sla.retention", "3 y (element tab1.txn_ref_dt)")
        .containsEntry("sla.frequency", "1 d (element tab1.txn_ref_dt)")
        .containsEntry("odcs.tenant", "ClimateQuantumInc");
    assertThat(contract.warnings()).extracting(ContractProblem::field).containsExactly("support[2]", "support[3]");
  }

  @Test
  void shouldAcceptExamplesWithoutServersButWarnThatNothingCanBeMeasured() {
    DataProductContract contract = parse("column-completeness.odcs.yaml");
    assertThat(contract.name()).isEqualTo(ProductName.of("my_table"));
    assertThat(contract.outputPorts()).isEmpty();
    assertThat(contract.quality().completeness()).containsExactly(new CompletenessObjective(null, "UniqueID", 1.0));
    assertThat(contract.warnings()).extracting(ContractProblem::field).containsExactly("servers", "team");
  }

  @Test
  void shouldKeepAnUnnamedValidityRuleAsAWarning() {
    DataProductContract contract = parse("column-validity.odcs.yaml");
    assertThat(contract.quality().isEmpty()).isTrue();
    assertThat(contract.warnings()).extracting(ContractProblem::field, ContractProblem::line)
        .contains(org.assertj.core.groups.Tuple.tuple("schema[0].properties[0].quality[0]", 21));
  }

  @Test
  void shouldReadLatencyAsTheFreshnessObjective() {
    DataProductContract contract = parse("database-table-sla.odcs.yaml");
    assertThat(contract.freshness()).isEqualTo(Duration.ofDays(4));
    assertThat(contract.info()).containsEntry("odcs.dataProduct", "my_quantum")
        .containsEntry("sla.generalAvailability", "2022-05-12T09:30:10-08:00")
        .containsEntry("sla.timeOfAvailability",
            "09:00-08:00 (element tab1.txn_ref_dt); 08:00-08:00 (element tab1.txn_ref_dt)");
  }
}
