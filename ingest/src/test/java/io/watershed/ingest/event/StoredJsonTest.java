package io.watershed.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.FacetMap;
import io.watershed.graph.write.LineageEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The payload and the facets are stored as JSON text, and stored text is compared (a facet that did not change is
 * not rewritten), so it must stay what it always was: each node as a plain {@link ObjectMapper#writeValueAsString}
 * writes it.
 */
class StoredJsonTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 21, 12, 0, 0, 0, ZoneOffset.UTC);

  private final EventParser parser = new EventParser();

  @Test
  void shouldStoreTheCorpusAsObjectMapperWritesIt() {
    SoftAssertions softly = new SoftAssertions();
    int mapped = 0;
    for (Path file : SharedEvents.allJsonFiles()) {
      JsonNode tree = parser.readTree(SharedEvents.read(file));
      for (JsonNode event : tree.isArray() ? tree : List.of(tree)) {
        LineageEvent e;
        try {
          e = parser.parse(event, NOW);
        } catch (InvalidEventException rejected) {
          continue; // the nonconformant and partial files hold events Watershed rejects
        }
        assertStoredAsWritten(softly, file.toString(), event, e);
        mapped++;
      }
    }
    softly.assertAll();
    assertThat(mapped).isPositive();
  }

  @Test
  void shouldStoreTrickyFacetsAsObjectMapperWritesThem() {
    String json =
        """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T11:00:00Z","producer":"https://example.com/p",
         "run":{"runId":"0192f0c4-8a5e-7c1b-9f3a-2d4e6b8a0c1e","facets":{
           "custom":{"_producer":"https://e.com","_schemaURL":"https://e.com/s",
                     "n":[1.0,1e10,-0.0,0.1,9223372036854775808,-1],
                     "s":"caf\\u00e9 \u65e5\u672c \\ud83d\\ude00 \\"q\\" \\n \\/",
                     "\\u00e9\\t":{"deep":[[{}],[],{"x":null}]},"b":[true,false,null]},
           "empty":{}, "gone":null}},
         "job":{"namespace":"ns","name":"job","facets":{
           "sql":{"_producer":"https://e.com","_schemaURL":"https://e.com/s",
                  "query":"SELECT '\\u2028' FROM \\"t\\"\\r\\n"}}},
         "inputs":[{"namespace":"ns","name":"in","facets":{},"inputFacets":{"x":{"_producer":"https://e.com",
           "_schemaURL":"https://e.com/s","v":12345678901234567890}}}],
         "outputs":[{"namespace":"ns","name":"out","facets":{"columnLineage":{"_producer":"https://e.com",
           "_schemaURL":"https://e.com/s","fields":{"a":{"inputFields":[{"namespace":"ns","name":"in","field":"a",
           "transformations":[{"type":"DIRECT","subtype":"IDENTITY","masking":false}]}]}}}},
           "outputFacets":{
             "outputStatistics":{"_producer":"https://e.com","_schemaURL":"https://e.com/s","rowCount":1}}}]}
        """;
    JsonNode event = parser.readTree(json.getBytes(StandardCharsets.UTF_8));
    SoftAssertions softly = new SoftAssertions();
    assertStoredAsWritten(softly, "tricky event", event, parser.parse(event, NOW));
    softly.assertAll();
  }

  private static void assertStoredAsWritten(SoftAssertions softly, String source, JsonNode event, LineageEvent e) {
    softly.assertThat(e.payload().json()).as(source + " payload").isEqualTo(written(event));
    if (e.job() != null) {
      softly.assertThat(e.job().facets().json()).as(source + " job").isEqualTo(facets(event.get("job").get("facets")));
    }
    if (e.run() != null) {
      softly.assertThat(e.run().facets().json()).as(source + " run").isEqualTo(facets(event.get("run").get("facets")));
    }
    if (e.dataset() != null) {
      assertDataset(softly, source + " dataset", event.get("dataset"), e.dataset(), null);
    }
    List<DatasetFacts> inputs = e.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      assertDataset(softly, source + " inputs[" + i + "]", event.get("inputs").get(i), inputs.get(i), "inputFacets");
    }
    List<DatasetFacts> outputs = e.outputs();
    for (int i = 0; i < outputs.size(); i++) {
      assertDataset(
          softly, source + " outputs[" + i + "]", event.get("outputs").get(i), outputs.get(i), "outputFacets");
    }
  }

  private static void assertDataset(
      SoftAssertions softly, String source, JsonNode dataset, DatasetFacts facts, String ioKey) {
    softly.assertThat(facts.facets().json()).as(source + " facets").isEqualTo(facets(dataset.get("facets")));
    Map<String, String> io = ioKey == null ? FacetMap.EMPTY.json() : facets(dataset.get(ioKey));
    softly.assertThat(facts.ioFacets().json()).as(source + " " + ioKey).isEqualTo(io);
  }

  /** Each facet that is not null, as ObjectMapper writes it. */
  private static Map<String, String> facets(JsonNode facets) {
    Map<String, String> out = new HashMap<>();
    if (facets != null && facets.isObject()) {
      for (Map.Entry<String, JsonNode> facet : facets.properties()) {
        if (!facet.getValue().isNull()) {
          out.put(facet.getKey(), written(facet.getValue()));
        }
      }
    }
    return out;
  }

  private static String written(JsonNode node) {
    try {
      return PLAIN.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
