package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDirectoryTest {

  @TempDir
  Path dir;

  private ContractDirectory directory() {
    return new ContractDirectory(dir, Fixtures.PARSER);
  }

  private void copy(String fixture, String as) throws IOException {
    Files.writeString(dir.resolve(as), Fixtures.text(fixture), StandardCharsets.UTF_8);
  }

  @Test
  void shouldLoadGoodFilesAndReportBadOnesSeparately() throws IOException {
    copy("good/mission-example.data-product.yml", "clv.yml");
    copy("good/payments.odcs.yaml", "payments.yaml");
    copy("good/clickstream.odcs.json", "clickstream.json");
    copy("bad/bad-ratio.yml", "broken.yml");

    ContractSnapshot snapshot = directory().load();

    assertThat(snapshot.contracts()).extracting(loaded -> loaded.name().value())
        .containsExactly("clickstream", "customer-lifetime-value", "payments-core");
    assertThat(snapshot.contracts()).allSatisfy(loaded -> assertThat(loaded.lastKnownGood()).isFalse());
    assertThat(snapshot.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.file()).isEqualTo(dir.resolve("broken.yml"));
      assertThat(failure.problems()).extracting(ContractProblem::line).containsExactly(11, 12, 13);
    });
    assertThat(snapshot.contract(ProductName.of("payments-core"))).isPresent();
    assertThat(snapshot.byName()).containsOnlyKeys(ProductName.of("clickstream"),
        ProductName.of("customer-lifetime-value"), ProductName.of("payments-core"));
  }

  @Test
  void shouldKeepTheFirstFileByNameWhenTwoDefineTheSameProduct() throws IOException {
    copy("good/mission-example.data-product.yml", "b-clv.yml");
    copy("good/mission-example.data-product.yml", "a-clv.yaml");

    ContractSnapshot snapshot = directory().load();

    assertThat(snapshot.contracts()).singleElement()
        .satisfies(loaded -> assertThat(loaded.file()).isEqualTo(dir.resolve("a-clv.yaml")));
    assertThat(snapshot.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.file()).isEqualTo(dir.resolve("b-clv.yml"));
      assertThat(failure.problems()).containsExactly(new ContractProblem("spec.metadata.name", 5,
          "names the product 'customer-lifetime-value', which a-clv.yaml already defines; product names must be "
              + "unique across files"));
    });
  }

  @Test
  void shouldIgnoreOtherFilesHiddenFilesAndSubdirectories() throws IOException {
    copy("good/mission-example.data-product.yml", "clv.yml");
    Files.writeString(dir.resolve("README.md"), "not a contract");
    Files.writeString(dir.resolve(".clv.yml.swp"), "junk");
    Files.writeString(dir.resolve(".#clv.yml"), "junk");
    Files.createDirectories(dir.resolve("archive"));
    copy("bad/bad-ratio.yml", "archive/old.yml");

    ContractSnapshot snapshot = directory().load();

    assertThat(snapshot.contracts()).hasSize(1);
    assertThat(snapshot.hasProblems()).isFalse();
  }

  @Test
  void shouldRefuseAnOversizedFileWithoutReadingIt() throws IOException {
    String text = Fixtures.text("good/mission-example.data-product.yml");
    Files.writeString(dir.resolve("huge.yml"), text + "#".repeat(ContractParser.MAX_DOCUMENT_BYTES) + "\n");
    long size = Files.size(dir.resolve("huge.yml"));

    ContractSnapshot snapshot = directory().load();

    assertThat(snapshot.contracts()).isEmpty();
    assertThat(snapshot.failures()).singleElement().satisfies(failure -> assertThat(failure.problems())
        .containsExactly(new ContractProblem("", 0,
            "is " + size + " bytes; a contract may be at most 1048576 bytes (1 MiB)")));
  }

  @Test
  void shouldReportAMissingDirectory() {
    ContractSnapshot snapshot = new ContractDirectory(dir.resolve("nowhere"), Fixtures.PARSER).load();

    assertThat(snapshot.contracts()).isEmpty();
    assertThat(snapshot.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.file()).isEqualTo(dir.resolve("nowhere"));
      assertThat(failure.problems()).containsExactly(new ContractProblem("", 0, "does not exist"));
    });
  }

  @Test
  void shouldReportAFileGivenAsDirectory() throws IOException {
    copy("good/mission-example.data-product.yml", "clv.yml");
    ContractSnapshot snapshot = new ContractDirectory(dir.resolve("clv.yml"), Fixtures.PARSER).load();
    assertThat(snapshot.failures()).singleElement().satisfies(failure ->
        assertThat(failure.problems()).containsExactly(new ContractProblem("", 0, "is not a directory")));
  }

  @Test
  void shouldKnowWhichFilesAreContracts() {
    assertThat(ContractDirectory.isContractFile(Path.of("a.yml"))).isTrue();
    assertThat(ContractDirectory.isContractFile(Path.of("A.YAML"))).isTrue();
    assertThat(ContractDirectory.isContractFile(Path.of("x/a.json"))).isTrue();
    assertThat(ContractDirectory.isContractFile(Path.of("a.yml.bak"))).isFalse();
    assertThat(ContractDirectory.isContractFile(Path.of(".a.yml"))).isFalse();
  }
}
