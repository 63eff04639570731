package io.watershed.quality.contract;

import static io.watershed.quality.contract.Fixtures.PARSER;
import static io.watershed.quality.contract.Fixtures.problemsOfText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractParserTest {

  @Test
  void shouldTellTheFormsApartByTheirTopLevelKeys() {
    assertThat(Fixtures.parse("good/mission-example.data-product.yml").format()).isEqualTo(ContractFormat.SHORT);
    assertThat(Fixtures.parse("good/payments.odcs.yaml").format()).isEqualTo(ContractFormat.ODCS);
    assertThat(Fixtures.parse("good/clickstream.odcs.json").format()).isEqualTo(ContractFormat.ODCS);
  }

  @Test
  void shouldRejectADocumentOfNeitherForm() {
    assertThat(problemsOfText("# a comment first\nmetadata:\n  name: clv\n")).containsExactly(new ContractProblem("",
        2, "is neither a short-form contract (top-level 'spec') nor an ODCS contract ('apiVersion' and "
            + "'kind: DataContract')"));
  }

  @Test
  void shouldRejectADocumentMixingBothForms() {
    assertThat(problemsOfText("apiVersion: v3.1.0\nspec: {}\n")).containsExactly(new ContractProblem("spec", 2,
        "cannot stand next to 'apiVersion'/'kind': a document is either the short form (spec) or ODCS"));
  }

  @Test
  void shouldTreatAKindWithoutApiVersionAsOdcsAndSayWhatIsMissing() {
    assertThat(problemsOfText("kind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\n"))
        .containsExactly(new ContractProblem("apiVersion", 1, "is required"));
    assertThat(problemsOfText("apiVersion: v3.1.0\nkind: DataProduct\nid: x\nversion: 1.0.0\nstatus: active\n"))
        .extracting(ContractProblem::field, ContractProblem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kind", 2));
  }

  @Test
  void shouldRejectDocumentsOverOneMebibyteBeforeParsingThem() {
    String big = Fixtures.text("good/mission-example.data-product.yml")
        + "#".repeat(ContractParser.MAX_DOCUMENT_BYTES) + "\n";
    int bytes = big.getBytes(StandardCharsets.UTF_8).length;
    ContractProblem expected = new ContractProblem("", 0,
        "is " + bytes + " bytes; a contract may be at most 1048576 bytes (1 MiB)");

    assertThat(problemsOfText(big)).containsExactly(expected);
    assertThatThrownBy(() -> PARSER.parse(big.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ContractValidationException.class,
            e -> assertThat(e.problems()).containsExactly(expected));
  }

  @Test
  void shouldCountTheLimitInUtf8Bytes() {
    // 400,000 three-byte characters are 1.2 MB, though fewer than 1,048,576 chars.
    String wide = "spec: {}\n# " + "€".repeat(400_000) + "\n";
    assertThat(problemsOfText(wide)).singleElement()
        .satisfies(problem -> assertThat(problem.rule()).startsWith("is 1200012 bytes"));
  }

  @Test
  void shouldAcceptADocumentJustUnderTheLimit() {
    String text = Fixtures.text("good/mission-example.data-product.yml");
    String padded = text + "#".repeat(ContractParser.MAX_DOCUMENT_BYTES - text.length() - 1) + "\n";
    assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(ContractParser.MAX_DOCUMENT_BYTES);
    assertThat(PARSER.parse(padded).name()).isEqualTo(ProductName.of("customer-lifetime-value"));
  }

  @Test
  void shouldRejectBytesThatAreNotUtf8() {
    byte[] latin1 = "spec:\n  metadata: {name: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> PARSER.parse(latin1)).isInstanceOfSatisfying(ContractValidationException.class,
        e -> assertThat(e.problems()).containsExactly(new ContractProblem("", 0, "is not UTF-8 text")));
  }

  @Test
  void shouldRejectEmptyDocuments() {
    assertThat(problemsOfText("")).containsExactly(new ContractProblem("", 0, "is empty"));
    assertThat(problemsOfText("# only a comment\n---\n")).containsExactly(new ContractProblem("", 0, "is empty"));
  }

  @Test
  void shouldPointAtTheLineOfAYamlSyntaxError() {
    List<ContractProblem> problems = problemsOfText("spec:\n  metadata:\n    name: [clv\n  domain: x\n");
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.field()).isEmpty();
      assertThat(problem.line()).isEqualTo(4);
      assertThat(problem.rule()).startsWith("is not valid YAML: ");
    });
  }

  @Test
  void shouldPointAtTheLineOfAJsonSyntaxError() {
    List<ContractProblem> problems = problemsOfText("{\n  \"spec\": {\n    \"metadata\": {,}\n  }\n}\n");
    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.rule()).startsWith("is not valid JSON: ");
    });
  }

  @Test
  void shouldRejectKeysWrittenTwice() {
    assertThat(problemsOfText("spec:\n  metadata: {name: a}\n  quality: {}\n  metadata: {name: b}\n"))
        .containsExactly(new ContractProblem("spec.metadata", 4,
            "is written twice in the same mapping (first on line 2)"));
  }

  @Test
  void shouldRejectYamlAliases() {
    assertThat(problemsOfText("spec:\n  metadata: &m {name: a}\n  alerts: *m\n"))
        .containsExactly(new ContractProblem("spec.alerts", 3,
            "uses the YAML alias *m; aliases are not supported in contracts, write the value out"));
  }

  @Test
  void shouldRejectMoreThanOneYamlDocument() {
    assertThat(problemsOfText("spec: {}\n---\nspec: {}\n")).containsExactly(new ContractProblem("", 3,
        "must hold exactly one YAML document; found more after the first"));
  }

  @Test
  void shouldRejectATopLevelList() {
    assertThat(problemsOfText("- spec: {}\n")).containsExactly(new ContractProblem("", 1,
        "must be a mapping of keys to values at the top level"));
  }

  @Test
  void shouldRejectNestingDeeperThanAnyContractNeeds() {
    String deep = "spec:\n" + "[".repeat(SourceDocumentReader.MAX_NESTING_DEPTH + 5)
        + "]".repeat(SourceDocumentReader.MAX_NESTING_DEPTH + 5) + "\n";
    assertThat(problemsOfText(deep)).singleElement()
        .satisfies(problem -> assertThat(problem.rule()).startsWith("is not valid YAML"));
  }

  @Test
  void shouldAcceptAByteOrderMark() {
    String text = "\uFEFF" + Fixtures.text("good/mission-example.data-product.yml");
    assertThat(PARSER.parse(text.getBytes(StandardCharsets.UTF_8)).name().value())
        .isEqualTo("customer-lifetime-value");
  }
}
