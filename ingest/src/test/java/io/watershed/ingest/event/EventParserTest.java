package io.watershed.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.LineageEvent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class EventParserTest {

  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneOffset.UTC);
  private final EventParser parser = new EventParser();

  private static final String EVENT =
      """
      {"eventType":"COMPLETE","eventTime":"2026-11-21T11:00:00.123456+02:00","producer":"https://example.com/p",
       "run":{"runId":"0192F0C4-8A5E-7C1B-9F3A-2D4E6B8A0C1E",
              "facets":{"parent":{"_producer":"t","_schemaURL":"t","run":{"runId":"0192f0c4-0000-7000-8000-000000000001"},
                                  "job":{"namespace":"airflow","name":"dag"}},
                        "errorMessage":{"_producer":"t","_schemaURL":"t","message":"boom","programmingLanguage":"python"}}},
       "job":{"namespace":"airflow","name":"dag.task",
              "facets":{"ownership":{"_producer":"t","_schemaURL":"t","owners":[{"name":"team:a","type":"MAINTAINER"},{"type":"x"}]}}},
       "inputs":[{"namespace":"postgres://db:5432","name":"s.t"}],
       "outputs":[{"namespace":"s3://lake","name":"out",
         "facets":{"schema":{"_producer":"t","_schemaURL":"t","fields":[{"name":"id","type":"INT"},
                     {"name":"address","type":"STRUCT","fields":[{"name":"city","type":"STRING"}]}]},
                   "columnLineage":{"_producer":"t","_schemaURL":"t","fields":{
                     "id":{"inputFields":[{"namespace":"postgres://db:5432","name":"s.t","field":"id"}],
                           "transformationType":"IDENTITY","transformationDescription":"copied"}}},
                   "symlinks":{"_producer":"t","_schemaURL":"t","identifiers":[{"namespace":"hive://m:9083","name":"db.out","type":"TABLE"}]}},
         "outputFacets":{"outputStatistics":{"_producer":"t","_schemaURL":"t","rowCount":42,"size":1024}}}]}
      """;

  @Test
  void shouldMapWhatWatershedInterpretsAndKeepEveryFacet() {
    LineageEvent e = parser.parse(parser.readTree(EVENT.getBytes(StandardCharsets.UTF_8)), NOW);
    assertThat(e.eventTime()).isEqualTo(ZonedDateTime.of(2026, 11, 21, 9, 0, 0, 123456000, ZoneOffset.UTC));
    assertThat(e.eventType()).isEqualTo("COMPLETE");
    assertThat(e.run().runId()).isEqualTo("0192f0c4-8a5e-7c1b-9f3a-2d4e6b8a0c1e");
    assertThat(e.run().parent().jobName()).isEqualTo("dag");
    assertThat(e.run().facets().derived().get("errorMessage")).containsEntry("errorMessage", "boom");
    assertThat(e.job().owners()).extracting(o -> o.name()).containsExactly("team:a"); // the nameless owner is skipped
    DatasetFacts out = e.outputs().get(0);
    assertThat(out.schema()).extracting(DatasetFacts.FieldFacts::name).containsExactly("id", "address", "address.city");
    assertThat(out.columnLineage()).hasSize(1);
    assertThat(out.columnLineage().get(0).transformationsJson()).contains("IDENTITY");
    assertThat(out.symlinks().get(0).namespace()).isEqualTo("hive://m:9083");
    assertThat(out.ioFacets().derived().get("outputStatistics")).containsEntry("rowCount", 42L).containsEntry("bytes", 1024L);
    assertThat(out.facets().json()).containsKeys("schema", "columnLineage", "symlinks");
    assertThat(e.marksOutputsUpdated()).isTrue();
  }

  @Test
  void shouldGiveTheSameIdToTheSameEventWhateverItsFormatting() {
    String reordered = "{\"producer\":\"p://x\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"dataset\":{\"name\":\"n\",\"namespace\":\"ns\"}}";
    String original = "{ \"eventTime\" : \"2026-01-01T00:00:00Z\", \"dataset\": {\"namespace\":\"ns\",\"name\":\"n\"}, \"producer\":\"p://x\" }";
    assertThat(id(reordered)).isEqualTo(id(original));
  }

  @Test
  void shouldNameTheFieldAndTheRuleOfEachRejection() {
    assertRejected(EVENT.replace("\"eventTime\":\"2026-11-21T11:00:00.123456+02:00\"", "\"eventTime\":\"2026-11-21T11:00:00\""), "eventTime");
    assertRejected(EVENT.replace("0192F0C4-8A5E-7C1B-9F3A-2D4E6B8A0C1E", "run-1"), "run.runId");
    assertRejected(EVENT.replace("\"eventType\":\"COMPLETE\"", "\"eventType\":\"DONE\""), "eventType");
    assertRejected(EVENT.replace("\"name\":\"dag.task\"", "\"name\":\"\""), "job.name");
    assertRejected(EVENT.replace("\"name\":\"s.t\"}]", "\"nom\":\"s.t\"}]"), "inputs[0].name");
    assertRejected(EVENT.replace("\"rowCount\":42", "\"rowCount\":\"many\""), "outputs[0].outputFacets.outputStatistics.rowCount");
    assertRejected(EVENT.replace("\"producer\":\"https://example.com/p\",", ""), "producer");
    assertRejected("{\"eventTime\":\"2026-01-01T00:00:00Z\",\"producer\":\"p://x\"}", "run");
  }

  @Test
  void shouldAcceptAMissingSchemaUrlAndAMissingEventType() {
    LineageEvent e = parser.parse(parser.readTree(EVENT.replace("\"eventType\":\"COMPLETE\",", "").getBytes(StandardCharsets.UTF_8)), NOW);
    assertThat(e.eventType()).isNull();
    assertThat(e.schemaUrl()).isNull();
    assertThat(e.marksOutputsUpdated()).isFalse();
  }

  @Test
  void shouldLocateMalformedJson() {
    assertThatThrownBy(() -> parser.readTree("{\n\"a\": }".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> parser.readTree("{} {}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class);
  }

  private String id(String json) {
    return parser.parse(parser.readTree(json.getBytes(StandardCharsets.UTF_8)), NOW).eventId();
  }

  private void assertRejected(String json, String field) {
    assertThatThrownBy(() -> parser.parse(parser.readTree(json.getBytes(StandardCharsets.UTF_8)), NOW))
        .isInstanceOfSatisfying(
            InvalidEventException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.rule()).isNotBlank();
            });
  }
}
