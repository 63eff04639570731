package io.watershed.graph.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssertionTest {

  @Test
  void shouldReadTheAssertionsOfAFacet() {
    String facet = """
        {"_producer":"https://greatexpectations.io","assertions":[
          {"assertion":"not_null","success":false,"column":"customer_id"},
          {"assertion":"row_count_between","success":true},
          {"assertion":"","success":false},
          {"assertion":"unique","success":"no"}]}
        """;

    assertThat(Assertion.parseFacet(facet)).containsExactly(
        new Assertion("not_null", false, "customer_id"), new Assertion("row_count_between", true, null));
  }

  @Test
  void shouldReadNothingFromSomethingElse() {
    assertThat(Assertion.parseFacet("not json")).isEmpty();
    assertThat(Assertion.parseFacet("{\"assertions\":{}}")).isEmpty();
  }

  @Test
  void shouldCompareChecksByAssertionAndColumn() {
    Assertion a = new Assertion("not_null", true, "id");

    assertThat(a.sameCheckAs("not_null", "id")).isTrue();
    assertThat(a.sameCheckAs("not_null", null)).isFalse();
    assertThat(new Assertion("row_count", true, null).sameCheckAs("row_count", null)).isTrue();
  }
}
