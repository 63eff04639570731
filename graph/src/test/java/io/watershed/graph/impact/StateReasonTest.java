package io.watershed.graph.impact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StateReasonTest {

  @Test
  void shouldSplitTheCodeFromTheDatasetItNames() {
    StateReason reason = StateReason.parse("STALE:bigquery:proj.ds.orders");

    assertThat(reason.code()).isEqualTo("STALE");
    assertThat(reason.subject()).isEqualTo("bigquery:proj.ds.orders");
    assertThat(reason.kind()).isEqualTo(CauseKind.STALE);
    assertThat(reason.isAbout("bigquery", "proj.ds.orders")).isTrue();
    assertThat(reason.isAbout("bigquery", "proj.ds")).isFalse();
  }

  @Test
  void shouldKeepUriNamespacesWhole() {
    assertThat(StateReason.parse("INCOMPLETE:postgres://db:5432:public.orders").isAbout("postgres://db:5432", "public.orders"))
        .isTrue();
  }

  @Test
  void shouldMapReasonCodesToKinds() {
    assertThat(StateReason.parse("freshness:x:y").kind()).isEqualTo(CauseKind.STALE);
    assertThat(StateReason.parse("ROW_COUNT:x:y").kind()).isEqualTo(CauseKind.INCOMPLETE);
    assertThat(StateReason.parse("COMPLETENESS").kind()).isEqualTo(CauseKind.INCOMPLETE);
    assertThat(StateReason.parse("CHECKS_FAILING:x:y").kind()).isEqualTo(CauseKind.CHECK_FAILED);
    assertThat(StateReason.parse("SOMETHING_ELSE:x").kind()).isNull();
    assertThat(StateReason.parse("STALE").subject()).isEmpty();
  }
}
