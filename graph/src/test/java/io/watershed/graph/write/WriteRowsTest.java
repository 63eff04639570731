package io.watershed.graph.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.graph.write.LineageEvent.EventKind;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class WriteRowsTest {

  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  @Test
  void shouldSendOneRowPerDatasetWithTheMergedTimesAndTheLatestFacets() {
    List<LineageEvent> events =
        List.of(
            event("a", T0.plusMinutes(5), "{\"description\":\"new\"}"),
            event("b", T0, "{\"description\":\"old\"}"),
            event("c", T0.plusMinutes(2), "{\"description\":\"middle\"}"));
    Map<String, List<Map<String, Object>>> sent = send(events);

    List<Map<String, Object>> datasets = sent.get("DATASETS");
    assertThat(datasets).hasSize(1);
    Map<String, Object> row = datasets.get(0);
    assertThat(row).containsEntry("minTime", T0).containsEntry("maxTime", T0.plusMinutes(5));
    assertThat((Map<String, Object>) row.get("facets")).containsEntry("documentation", "{\"description\":\"new\"}");
    assertThat((Map<String, Object>) row.get("facetTimes")).containsEntry("documentation", T0.plusMinutes(5));
    assertThat(sent.get("NAMESPACES")).hasSize(1);
    // One raw event per event: those are not merged.
    assertThat(sent.get("EVENTS")).hasSize(3);
  }

  @Test
  void shouldBreakTiesOnTheLargerJsonWhateverTheOrder() {
    Map<String, Object> ab = send(List.of(event("a", T0, "{\"v\":\"a\"}"), event("b", T0, "{\"v\":\"b\"}")))
        .get("DATASETS").get(0);
    Map<String, Object> ba = send(List.of(event("b", T0, "{\"v\":\"b\"}"), event("a", T0, "{\"v\":\"a\"}")))
        .get("DATASETS").get(0);
    assertThat((Map<String, Object>) ab.get("facets")).containsEntry("documentation", "{\"v\":\"b\"}");
    assertThat(ab.get("facets")).isEqualTo(ba.get("facets"));
  }

  @Test
  void shouldCompareStringsByCodePointAsCypherDoes() {
    // U+FF21 (one UTF-16 unit) sorts before U+1F600 (a surrogate pair) by code point, after it by UTF-16 unit.
    String fullwidthA = "\uFF21";
    String emoji = new String(Character.toChars(0x1F600));
    assertThat(WriteRows.compareCodePoints(fullwidthA, emoji)).isNegative();
    assertThat(fullwidthA.compareTo(emoji)).isPositive();
    assertThat(WriteRows.compareCodePoints("ab", "abc")).isNegative();
    assertThat(WriteRows.compareCodePoints("abc", "abc")).isZero();
    assertThat(WriteRows.wins(T0.plusSeconds(1), "a", T0, "z")).isTrue();
    assertThat(WriteRows.wins(T0, "a", T0, "z")).isFalse();
  }

  private static Map<String, List<Map<String, Object>>> send(List<LineageEvent> events) {
    Map<String, List<Map<String, Object>>> sent = new HashMap<>();
    WriteRows.of(events).writeTo((cypher, parameters) -> {
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> rows = (List<Map<String, Object>>) parameters.get("rows");
      sent.put(WriteCypher.nameOf(cypher), rows);
    });
    return sent;
  }

  private static LineageEvent event(String id, ZonedDateTime time, String documentation) {
    DatasetFacts d =
        new DatasetFacts(
            "warehouse",
            "orders",
            new FacetMap(Map.of("documentation", documentation), Map.of()),
            FacetMap.EMPTY,
            null,
            null,
            List.of(),
            List.of(),
            List.of());
    return new LineageEvent(
        id, EventKind.DATASET_EVENT, null, time, "test", null, EventPayload.of("{}"), T0, null, null, List.of(), List.of(), d);
  }
}
