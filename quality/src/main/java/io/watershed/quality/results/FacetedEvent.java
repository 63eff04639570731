package io.watershed.quality.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.quality.contract.DatasetRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of one OpenLineage event that carry quality results: the quality facets of each dataset and the run's
 * {@code test} facet, as JSON. Made from a {@link LineageEvent} as the ingest writer stores it, or from an event's
 * JSON (a stored payload; the tests read the shared corpus this way), so both convert results the same way.
 *
 * @param side {@code input}, {@code output} or {@code dataset} (a DatasetEvent), per dataset
 */
public record FacetedEvent(
    String eventId,
    Instant time,
    @Nullable String producer,
    @Nullable String runId,
    List<FacetedDataset> datasets,
    @Nullable String testFacet) {

  /** Facet keys that hold quality results; other facets are not looked at. */
  static final Set<String> QUALITY_FACETS = Set.of("dataQualityMetrics", "dataQualityAssertions", "outputStatistics");

  public FacetedEvent {
    datasets = List.copyOf(datasets);
  }

  /** One dataset of the event with its quality facets (dataset, input and output facets merged by key). */
  public record FacetedDataset(DatasetRef dataset, String side, Map<String, String> facets) {
    public FacetedDataset {
      facets = Map.copyOf(facets);
    }
  }

  public boolean hasResults() {
    return testFacet != null || datasets.stream().anyMatch(d -> !d.facets().isEmpty());
  }

  /** The quality parts of a committed event; datasets whose identifier Watershed cannot hold are left out. */
  public static FacetedEvent of(LineageEvent event) {
    List<FacetedDataset> datasets = new ArrayList<>();
    event.inputs().forEach(d -> add(datasets, d, "input"));
    event.outputs().forEach(d -> add(datasets, d, "output"));
    if (event.dataset() != null) {
      add(datasets, event.dataset(), "dataset");
    }
    String test = event.run() == null ? null : event.run().facets().json().get("test");
    return new FacetedEvent(
        event.eventId(),
        event.eventTime().toInstant(),
        event.producer(),
        event.run() == null ? null : event.run().runId(),
        datasets,
        test);
  }

  /** The quality parts of an event's JSON payload, as stored on its {@code Event} node. */
  public static FacetedEvent of(String eventId, Instant time, JsonNode payload) {
    List<FacetedDataset> datasets = new ArrayList<>();
    for (JsonNode input : payload.path("inputs")) {
      add(datasets, input, "input", "inputFacets");
    }
    for (JsonNode output : payload.path("outputs")) {
      add(datasets, output, "output", "outputFacets");
    }
    if (payload.path("dataset").isObject()) {
      add(datasets, payload.get("dataset"), "dataset", null);
    }
    JsonNode test = payload.path("run").path("facets").get("test");
    String producer = payload.path("producer").isTextual() ? payload.get("producer").asText() : null;
    String runId = payload.path("run").path("runId").isTextual() ? payload.path("run").get("runId").asText() : null;
    return new FacetedEvent(eventId, time, producer, runId, datasets, test == null ? null : test.toString());
  }

  private static void add(List<FacetedDataset> out, DatasetFacts d, String side) {
    Map<String, String> facets = new LinkedHashMap<>();
    d.facets().json().forEach((k, v) -> keep(facets, k, v));
    d.ioFacets().json().forEach((k, v) -> keep(facets, k, v));
    DatasetRef ref = ref(d.namespace(), d.name());
    if (ref != null) {
      out.add(new FacetedDataset(ref, side, facets));
    }
  }

  private static void add(List<FacetedDataset> out, JsonNode d, String side, @Nullable String ioKey) {
    Map<String, String> facets = new LinkedHashMap<>();
    collect(facets, d.path("facets"));
    if (ioKey != null) {
      collect(facets, d.path(ioKey));
    }
    DatasetRef ref = ref(d.path("namespace").asText(null), d.path("name").asText(null));
    if (ref != null) {
      out.add(new FacetedDataset(ref, side, facets));
    }
  }

  private static void collect(Map<String, String> facets, JsonNode node) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> facet = it.next();
      keep(facets, facet.getKey(), facet.getValue().toString());
    }
  }

  private static void keep(Map<String, String> facets, String key, String json) {
    if (QUALITY_FACETS.contains(key)) {
      facets.put(key, json);
    }
  }

  private static @Nullable DatasetRef ref(@Nullable String namespace, @Nullable String name) {
    try {
      return namespace == null || name == null ? null : new DatasetRef(namespace, name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
