package io.watershed.quality.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.watershed.quality.api.InvalidInputException;
import io.watershed.quality.contract.DatasetRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** dbt run_results.json + manifest.json to check results (fixture story in resources/dbt/README.md). */
class DbtArtifactsParserTest {

  private static final String NS = "postgres://db.example.com:5432";
  private final DbtArtifactsParser parser = new DbtArtifactsParser();

  @Test
  void shouldMapEachJudgedTestToItsModelsRelation() throws IOException {
    DbtArtifactsParser.DbtImport imported = parser.parse(fixture());
    assertThat(imported.received()).isEqualTo(5);
    assertThat(imported.ignored()).as("the model run and the skipped test").isEqualTo(2);
    assertThat(imported.batch().checks())
        .extracting(CheckResult::check, CheckResult::dataset, CheckResult::column, CheckResult::success,
            CheckResult::dimension, CheckResult::observedValue)
        .containsExactly(
            tuple("not_null_orders_customer_id", new DatasetRef(NS, "jaffle.public.orders"), "customer_id", true,
                Dimension.COMPLETENESS, 0.0),
            tuple("accepted_values_orders_status", new DatasetRef(NS, "jaffle.public.orders"), "status", false,
                Dimension.VALIDITY, 3.0),
            tuple("source_unique_raw_customers_id", new DatasetRef(NS, "jaffle.raw.raw_customers"), "id", false,
                Dimension.UNIQUENESS, 1.0));
    CheckResult first = imported.batch().checks().get(0);
    assertThat(first.time()).isEqualTo(Instant.parse("2026-11-21T10:02:03Z"));
    assertThat(first.runId()).isEqualTo("5f1c2a44-0000-4000-8000-00000000dbt1");
    assertThat(first.producer()).isEqualTo("dbt 1.8.7");
    assertThat(imported.batch().checks().get(2).time()).as("no timing: generated_at")
        .isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
  }

  @Test
  void shouldRefuseATestMissingFromTheManifest() throws IOException {
    String body = new String(fixture(), StandardCharsets.UTF_8)
        .replace("\"test.jaffle.not_null_orders_customer_id.5c9bf9911d\": {", "\"test.jaffle.renamed\": {");
    assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("runResults.results[1].unique_id: 'test.jaffle.not_null_orders_customer_id.5c9bf9911d'"
            + " is not in manifest.nodes");
  }

  @Test
  void shouldNameMissingPartsOfTheUpload() {
    assertThatThrownBy(() -> parser.parse("{\"runResults\": {}}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(p -> p.field()).containsExactly("namespace", "manifest"));
  }

  static byte[] fixture() throws IOException {
    try (InputStream in = DbtArtifactsParserTest.class.getResourceAsStream("/dbt/upload.json")) {
      return in.readAllBytes();
    }
  }
}
