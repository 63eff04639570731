package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records check their own invariants, so a bad value cannot travel far even when built by hand. */
class ContractModelTest {

  private static final DatasetRef ORDERS = new DatasetRef("postgres://db:5432", "shop.public.orders");
  private static final DatasetRef CUSTOMERS = new DatasetRef("postgres://db:5432", "shop.public.customers");

  @Test
  void shouldKeepDatasetNamespacesWithSchemes() {
    assertThat(ORDERS.namespace()).isEqualTo("postgres://db:5432");
    assertThat(ORDERS).hasToString("postgres://db:5432/shop.public.orders");
    assertThat(new DatasetRef("bigquery", "p.d.t")).isLessThan(ORDERS);
  }

  @Test
  void shouldRejectBlankOrPaddedDatasetParts() {
    assertThatThrownBy(() -> new DatasetRef(" ", "x")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> new DatasetRef("bigquery", " x")).hasMessageContaining("whitespace");
    assertThatThrownBy(() -> new DatasetRef("bigquery", "a\nb")).hasMessageContaining("control");
  }

  @Test
  void shouldTreatPrimaryKeysAsRequired() {
    assertThat(new ColumnSpec("id", "uuid", true, false, null).required()).isTrue();
    assertThat(new ColumnSpec("note", null, false, false, null).required()).isFalse();
  }

  @Test
  void shouldJudgeCompletenessAgainstTheMinimumRatio() {
    CompletenessObjective objective = new CompletenessObjective(null, "email", 0.95);
    assertThat(objective.isMetBy(95, 100)).isTrue();
    assertThat(objective.isMetBy(94, 100)).isFalse();
    assertThat(objective.isMetBy(0, 0)).isTrue();
    assertThatThrownBy(() -> new CompletenessObjective(null, "email", 1.01))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CompletenessObjective(null, "email", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldJudgeRowCountsInclusively() {
    RowCountObjective range = new RowCountObjective(ORDERS, 10L, 20L);
    assertThat(range.allows(10)).isTrue();
    assertThat(range.allows(20)).isTrue();
    assertThat(range.allows(21)).isFalse();
    assertThat(new RowCountObjective(null, 1L, null).allows(Long.MAX_VALUE)).isTrue();
    assertThatThrownBy(() -> new RowCountObjective(null, null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RowCountObjective(null, 5L, 4L)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldScopeObjectivesToTheirOutputPort() {
    QualityObjectives quality = new QualityObjectives(
        List.of(new CompletenessObjective(null, "id", 1.0), new CompletenessObjective(CUSTOMERS, "email", 0.9)),
        List.of(new RowCountObjective(ORDERS, 1L, null)),
        List.of(new NamedCheck("fresh_orders", ORDERS, null, null), new NamedCheck("any", null, null, null)));
    assertThat(quality.completenessFor(ORDERS)).extracting(CompletenessObjective::column).containsExactly("id");
    assertThat(quality.completenessFor(CUSTOMERS)).extracting(CompletenessObjective::column)
        .containsExactly("id", "email");
    assertThat(quality.rowCountsFor(CUSTOMERS)).isEmpty();
    assertThat(quality.checksFor(CUSTOMERS)).extracting(NamedCheck::name).containsExactly("any");
  }

  @Test
  void shouldComputeTheErrorBudgetOfAnAvailabilityTarget() {
    assertThat(AvailabilityTarget.of(0.99).errorBudget()).isEqualTo(Duration.ofHours(7).plusMinutes(12));
    assertThat(new AvailabilityTarget(1.0, Duration.ofDays(7)).errorBudget()).isZero();
    assertThatThrownBy(() -> AvailabilityTarget.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AvailabilityTarget(0.9, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldParseSeveritiesCaseInsensitively() {
    assertThat(Severity.parse(" Critical ")).contains(Severity.CRITICAL);
    assertThat(Severity.parse("urgent")).isEmpty();
    assertThat(Severity.DEFAULT).isEqualTo(Severity.WARNING);
    assertThat(Severity.labels()).isEqualTo("critical, warning, info");
  }

  @Test
  void shouldValidateAlertRoutes() {
    assertThat(new AlertRoute.Email("a.b+alerts@example.co.uk").address()).isEqualTo("a.b+alerts@example.co.uk");
    assertThatThrownBy(() -> new AlertRoute.Email("not an email")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AlertRoute.Slack(null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AlertRoute.Webhook(URI.create("ftp://example.com/x"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new AlertRoute.Slack(null, "#data").channel()).isEqualTo("#data");
  }

  @Test
  void shouldKeepWebhookSecretsOutOfToString() {
    AlertRoute slack = new AlertRoute.Slack(URI.create("https://hooks.slack.com/services/T1/B2/s3cr3t"), "#data");
    AlertRoute webhook = new AlertRoute.Webhook(URI.create("https://alerts.example.com:8443/h?token=s3cr3t"), "ENV");
    assertThat(slack.toString()).doesNotContain("s3cr3t").contains("https://hooks.slack.com/…");
    assertThat(webhook.toString()).doesNotContain("s3cr3t").contains("https://alerts.example.com:8443/…");
  }

  @Test
  void shouldShowFieldPathsWithDotsAndBrackets() {
    FieldPath path = FieldPath.ROOT.key("spec").key("schema").key("columns").index(1).key("name");
    assertThat(path).hasToString("spec.schema.columns[1].name");
    assertThat(FieldPath.ROOT.key("completeness").key("a.b")).hasToString("completeness[\"a.b\"]");
    assertThat(path.parent().parent()).hasToString("spec.schema.columns");
    assertThat(FieldPath.ROOT).hasToString("");
  }

  @Test
  void shouldPrintProblemsAsLineFieldAndRule() {
    ContractProblem problem = new ContractProblem("spec.quality.freshness", 12, "must be a duration");
    assertThat(problem).hasToString("line 12: spec.quality.freshness must be a duration");
    assertThat(new ContractProblem("", 0, "is empty")).hasToString("the document is empty");
  }

  @Test
  void shouldOrderAndCountProblemsInTheExceptionMessage() {
    ContractValidationException exception = new ContractValidationException(List.of(
        new ContractProblem("b", 9, "is wrong"), new ContractProblem("a", 2, "is wrong")));
    assertThat(exception.problems()).extracting(ContractProblem::line).containsExactly(2, 9);
    assertThat(exception).hasMessage("invalid contract (2 problems):\n  line 2: a is wrong\n  line 9: b is wrong");
  }
}
