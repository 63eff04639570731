package io.watershed.quality.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.EventPayload;
import io.watershed.graph.write.FacetMap;
import io.watershed.graph.write.JobFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.RunFacts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** OpenLineage events as the ingest module hands them to the graph writer, with their JSON payload. */
public final class Events {

  private Events() {}

  /**
   * A COMPLETE run of job {@code etl/load_orders} that wrote one dataset, with these output facets (JSON object
   * text, e.g. {@code {"outputStatistics": {"rowCount": 500}}}; may be {@code {}}).
   */
  public static LineageEvent complete(String runId, Instant time, String namespace, String name, String outputFacets) {
    Map<String, String> facets = split(outputFacets);
    String payload = """
        {"eventType":"COMPLETE","eventTime":"%s","producer":"https://example.com/etl",
         "run":{"runId":"%s"},"job":{"namespace":"etl","name":"load_orders"},
         "outputs":[{"namespace":"%s","name":"%s","outputFacets":%s}]}
        """.formatted(time, runId, namespace, name, outputFacets);
    DatasetFacts output = new DatasetFacts(namespace, name, FacetMap.EMPTY, new FacetMap(facets, Map.of()), null,
        null, List.of(), List.of(), List.of());
    ZonedDateTime at = time.atZone(ZoneOffset.UTC);
    return new LineageEvent("event-" + runId, LineageEvent.EventKind.RUN_EVENT, "COMPLETE", at,
        "https://example.com/etl", null, EventPayload.of(payload), at,
        new JobFacts("etl", "load_orders", FacetMap.EMPTY, List.of()),
        new RunFacts(runId, FacetMap.EMPTY, null), List.of(), List.of(output), null);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Splits a JSON object of facets into facet name to facet JSON, as the ingest module does. */
  private static Map<String, String> split(String object) {
    try {
      Map<String, String> out = new LinkedHashMap<>();
      JSON.readTree(object).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().toString()));
      return out;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
