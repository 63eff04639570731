package io.watershed.quality.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.results.FacetedEvent.FacetedDataset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place OpenLineage facets become quality results:
 *
 * <ul>
 *   <li>{@code dataQualityMetrics} (dataset or input facet): {@code rowCount} is the dataset's row count; each
 *       {@code columnMetrics.<column>.nullCount} with that {@code rowCount} is the column's completeness;
 *   <li>{@code outputStatistics.rowCount}: the row count written;
 *   <li>{@code dataQualityAssertions.assertions[]}: a check result each, named by {@code name}, else by
 *       {@code assertion};
 *   <li>the run's {@code test} facet: a check result per test whose status is {@code pass} or {@code fail}, about
 *       the event's outputs (or its inputs when it has none: a test job reads what it tests).
 * </ul>
 *
 * A facet that does not have the spec's shape is skipped (the event itself was accepted by ingest), not fatal.
 */
public final class OpenLineageResults {

  private static final Logger LOG = LoggerFactory.getLogger(OpenLineageResults.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenLineageResults() {}

  public static QualityBatch convert(FacetedEvent event) {
    List<CheckResult> checks = new ArrayList<>();
    List<MetricObservation> metrics = new ArrayList<>();
    for (FacetedDataset d : event.datasets()) {
      for (Map.Entry<String, String> facet : d.facets().entrySet()) {
        JsonNode json = read(facet.getValue(), event, facet.getKey());
        if (json == null) {
          continue;
        }
        switch (facet.getKey()) {
          case "dataQualityMetrics" -> metrics(event, d, json, metrics);
          case "outputStatistics" -> outputStatistics(event, d, json, metrics);
          case "dataQualityAssertions" -> assertions(event, d, json, checks);
          default -> { }
        }
      }
    }
    if (event.testFacet() != null) {
      JsonNode test = read(event.testFacet(), event, "test");
      if (test != null) {
        tests(event, test, checks);
      }
    }
    return new QualityBatch(checks, metrics);
  }

  private static void metrics(FacetedEvent e, FacetedDataset d, JsonNode facet, List<MetricObservation> out) {
    if (!facet.path("rowCount").canConvertToLong() || facet.get("rowCount").asLong() < 0) {
      return; // without a row count, null counts are not ratios
    }
    long rows = facet.get("rowCount").asLong();
    String key = "dataQualityMetrics";
    out.add(MetricObservation.rowCount(id(e, d, key, ""), d.dataset(), rows, e.time(), e.producer(), e.runId(),
        ResultSource.OPENLINEAGE, key));
    for (Iterator<Map.Entry<String, JsonNode>> it = facet.path("columnMetrics").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> column = it.next();
      JsonNode nulls = column.getValue().path("nullCount");
      if (!nulls.canConvertToLong() || nulls.asLong() < 0 || nulls.asLong() > rows || column.getKey().isBlank()) {
        continue;
      }
      out.add(MetricObservation.nullCount(id(e, d, key, column.getKey()), d.dataset(), column.getKey(), rows,
          nulls.asLong(), e.time(), e.producer(), e.runId(), ResultSource.OPENLINEAGE, key));
    }
  }

  private static void outputStatistics(FacetedEvent e, FacetedDataset d, JsonNode facet, List<MetricObservation> out) {
    JsonNode rows = facet.path("rowCount");
    if (rows.canConvertToLong() && rows.asLong() >= 0) {
      out.add(MetricObservation.rowCount(id(e, d, "outputStatistics", ""), d.dataset(), rows.asLong(), e.time(),
          e.producer(), e.runId(), ResultSource.OPENLINEAGE, "outputStatistics"));
    }
  }

  private static void assertions(FacetedEvent e, FacetedDataset d, JsonNode facet, List<CheckResult> out) {
    JsonNode assertions = facet.path("assertions");
    for (int i = 0; i < assertions.size(); i++) {
      JsonNode a = assertions.get(i);
      String type = text(a, "assertion");
      String name = text(a, "name") != null ? text(a, "name") : type;
      if (name == null || !a.path("success").isBoolean()) {
        continue;
      }
      out.add(new CheckResult(id(e, d, "dataQualityAssertions", Integer.toString(i)), d.dataset(), name,
          text(a, "column"), Dimension.ofCheckType(type), a.get("success").asBoolean(), number(a, "actual"),
          number(a, "expected"), e.time(), e.producer(), e.runId(), ResultSource.OPENLINEAGE));
    }
  }

  private static void tests(FacetedEvent e, JsonNode facet, List<CheckResult> out) {
    List<FacetedDataset> about = e.datasets().stream().filter(d -> !d.side().equals("input")).toList();
    if (about.isEmpty()) {
      about = e.datasets();
    }
    JsonNode tests = facet.path("tests");
    for (int i = 0; i < tests.size(); i++) {
      JsonNode t = tests.get(i);
      String name = text(t, "name");
      String status = text(t, "status");
      if (name == null || status == null) {
        continue;
      }
      String s = status.toLowerCase(Locale.ROOT);
      if (!s.equals("pass") && !s.equals("fail")) {
        continue; // skipped: the test said nothing about the data
      }
      for (FacetedDataset d : about) {
        out.add(new CheckResult(id(e, d, "test", Integer.toString(i)), d.dataset(), name, null,
            Dimension.ofCheckType(text(t, "type")), s.equals("pass"), number(t, "actual"), number(t, "expected"),
            e.time(), e.producer(), e.runId(), ResultSource.OPENLINEAGE));
      }
    }
  }

  private static String id(FacetedEvent e, FacetedDataset d, String facet, String part) {
    return ResultIds.of("openlineage", e.eventId(), d.side(), d.dataset().namespace(), d.dataset().name(), facet, part);
  }

  private static @Nullable JsonNode read(String json, FacetedEvent e, String facet) {
    try {
      JsonNode node = JSON.readTree(json);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException ex) {
      LOG.debug("Facet {} of event {} is not JSON; skipped", facet, e.eventId());
      return null;
    }
  }

  private static @Nullable String text(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** {@code actual}/{@code expected} are strings in the spec; they become numbers when they are numbers. */
  private static @Nullable Double number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    try {
      double d = Double.parseDouble(value.asText().strip());
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException ex) {
      return null;
    }
  }
}
