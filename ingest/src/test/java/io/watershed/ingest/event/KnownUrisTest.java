package io.watershed.ingest.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The remembered URIs change nothing but the time taken: what Jackson accepts, rejects, and how. */
class KnownUrisTest {

  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final ObjectMapper REMEMBERING = new ObjectMapper().registerModule(KnownUris.module());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"https://github.com/OpenLineage/OpenLineage/tree/1.55.0/client/java\"",
        "\"https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet\"",
        "\"  https://padded.example.com  \"",
        "\"\"",
        "\"   \"",
        "\"relative/path\"",
        "\"urn:isbn:0451450523\"",
        "\"http://[::1]:8080/p?q=1#f\"",
        "\"caf\u00e9://x\"",
        "\"http://a b\"",
        "\"http://a%zz\"",
        "\":no-scheme\"",
        "123",
        "true",
        "[\"https://in.an.array\"]",
        "{\"not\":\"a uri\"}",
        "null"
      })
  void shouldAnswerWhatJacksonAnswersTheFirstTimeAndAfter(String json) {
    String expected = outcome(JACKSON, json);
    assertThat(outcome(REMEMBERING, json)).isEqualTo(expected);
    assertThat(outcome(REMEMBERING, json)).isEqualTo(expected);
  }

  @Test
  void shouldRejectAProducerThatIsNoUriEveryTime() {
    EventParser parser = new EventParser();
    String event =
        "{\"eventTime\":\"2026-01-01T00:00:00Z\",\"producer\":\"p://x\","
            + "\"dataset\":{\"namespace\":\"ns\",\"name\":\"n\","
            + "\"facets\":{\"documentation\":{\"_producer\":\"PRODUCER\",\"_schemaURL\":\"https://e.com/s\","
            + "\"description\":\"d\"}}}}";
    parse(parser, event.replace("PRODUCER", "https://e.com/p"));
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> parse(parser, event.replace("PRODUCER", "http://a b")))
          .isInstanceOfSatisfying(
              InvalidEventException.class,
              e -> {
                assertThat(e.field()).isEqualTo("dataset.facets.documentation._producer");
                assertThat(e.rule()).isEqualTo("must be a URI");
              });
    }
  }

  private static void parse(EventParser parser, String json) {
    parser.parse(parser.readTree(json.getBytes(StandardCharsets.UTF_8)), ZonedDateTime.now(ZoneOffset.UTC));
  }

  /** The URI read, or the failure's type and message. */
  private static String outcome(ObjectMapper mapper, String json) {
    try {
      URI uri = mapper.readValue(json, URI.class);
      return uri == null ? "null" : "uri " + uri + " " + uri.getScheme() + " " + uri.getHost() + " " + uri.getPath();
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
