package io.watershed.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.alerts.alert.AlertState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParamsTest {

  @Test
  void shouldReadDurationsInShortAndIsoForms() {
    assertThat(Params.duration("d", "90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Params.duration("d", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Params.duration("d", "1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Params.duration("d", "PT30S")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Params.duration("d", " ")).isNull();
    assertThatThrownBy(() -> Params.duration("duration", "soon"))
        .isInstanceOfSatisfying(BadParameterException.class, e -> assertThat(e.parameter()).isEqualTo("duration"));
  }

  @Test
  void shouldNameTheParameterAndTheAllowedValues() {
    assertThat(Params.enumValue("state", "Resolved", AlertState.class)).isEqualTo(AlertState.RESOLVED);
    assertThatThrownBy(() -> Params.enumValue("state", "x", AlertState.class))
        .hasMessage("state: must be one of firing, resolved");
    assertThatThrownBy(() -> Params.limit(0)).hasMessage("limit: must be between 1 and 1000");
    assertThatThrownBy(() -> Params.offset(-1)).hasMessage("offset: must be 0 or more");
    assertThatThrownBy(() -> Params.instant("endsAt", "tomorrow")).hasMessageStartingWith("endsAt: ");
    assertThatThrownBy(() -> Params.required("by", " ")).hasMessage("by: is required");
  }
}
