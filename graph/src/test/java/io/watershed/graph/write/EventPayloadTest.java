package io.watershed.graph.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventPayloadTest {

  private static final String EVENT =
      """
      {"eventType":"COMPLETE","eventTime":"2026-11-01T00:00:00Z","run":{"runId":"0193a9f2-1c2d-7e3f-8a4b-5c6d7e8f9a0b",\
      "facets":{"processing_engine":{"name":"spark","version":"3.5.1"}}},"job":{"namespace":"spark-order",\
      "name":"orders.clean","facets":{"sql":{"query":"SELECT id, total FROM orders WHERE total > 0 -- é ü 中"}}},\
      "inputs":[{"namespace":"s3://lake","name":"raw/orders"}],"outputs":[{"namespace":"s3://lake","name":"clean/orders"}]}""";

  @Test
  void shouldGiveBackTheSameTextIncludingCharactersOutsideAscii() {
    assertThat(EventPayload.of(EVENT).json()).isEqualTo(EVENT);
    assertThat(EventPayload.of("").json()).isEmpty();
  }

  @Test
  void shouldStoreRepetitiveJsonInAFractionOfItsSize() {
    String repeated = "[" + String.join(",", java.util.Collections.nCopies(20, EVENT)) + "]";
    assertThat(EventPayload.of(repeated).size()).isLessThan(repeated.getBytes(StandardCharsets.UTF_8).length / 4);
  }

  @Test
  void shouldBeTheSameBytesForTheSameText() {
    assertThat(EventPayload.of(EVENT)).isEqualTo(EventPayload.of(EVENT));
    assertThat(EventPayload.of(EVENT).stored()).isEqualTo(EventPayload.of(EVENT).stored());
  }

  @Test
  void shouldReadCompressedPayloadsAndTextWrittenBeforeCompression() {
    assertThat(EventPayload.json(EventPayload.of(EVENT).stored())).isEqualTo(EVENT);
    assertThat(EventPayload.json(EVENT)).isEqualTo(EVENT);
  }

  @Test
  void shouldRefuseStoredValuesThatAreNotPayloads() {
    byte[] stored = EventPayload.of(EVENT).stored();
    assertThatThrownBy(() -> EventPayload.json(Arrays.copyOf(stored, stored.length / 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> EventPayload.json(new byte[] {1, 2, 3, 4}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not zlib data");
    assertThatThrownBy(() -> EventPayload.json(42L)).isInstanceOf(IllegalArgumentException.class);
  }
}
