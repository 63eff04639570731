package io.watershed.alerts.rootcause;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.graph.impact.CauseKind;
import org.junit.jupiter.api.Test;

class RootCauseKeyTest {

  @Test
  void shouldGiveTheSameFingerprintToTheSameProblemOnly() {
    RootCauseKey failed = new RootCauseKey(RootCauseKind.RUN_FAILED, "job:airflow:etl.orders_daily");

    assertThat(failed.fingerprint()).hasSize(16).matches("[0-9a-f]{16}")
        .isEqualTo(RootCauseKey.of(CauseKind.RUN_FAILED, "job:airflow:etl.orders_daily").fingerprint())
        .isNotEqualTo(new RootCauseKey(RootCauseKind.CHECK_FAILED, "job:airflow:etl.orders_daily").fingerprint())
        .isNotEqualTo(new RootCauseKey(RootCauseKind.RUN_FAILED, "job:airflow:etl.orders").fingerprint());
  }

  @Test
  void shouldBeStableAcrossVersionsAndReplicas() {
    // SHA-256("RUN_FAILED\0job:airflow:etl.orders_daily"), first 8 bytes: alerts already stored must keep their key.
    assertThat(new RootCauseKey(RootCauseKind.RUN_FAILED, "job:airflow:etl.orders_daily").fingerprint())
        .isEqualTo(RootCauseKey.hash("RUN_FAILED\u0000job:airflow:etl.orders_daily"));
  }

  @Test
  void shouldMapEveryGraphCauseKind() {
    for (CauseKind kind : CauseKind.values()) {
      assertThat(RootCauseKey.of(kind, "dataset:a:b").kind().name()).isEqualTo(kind.name());
    }
  }
}
