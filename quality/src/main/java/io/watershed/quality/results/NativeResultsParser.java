package io.watershed.quality.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.watershed.quality.contract.DatasetRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/quality/results} (the shape is in docs/quality.md): every result is checked,
 * every problem reported with its field, and the batch is accepted whole or not at all.
 */
public final class NativeResultsParser {

  /** A result may be stamped a little ahead of our clock (clock skew), not more: it would stay "latest" too long. */
  public static final Duration MAX_FUTURE = Duration.ofMinutes(10);

  private static final Set<String> TOP_KEYS = Set.of("producer", "results");
  private static final Set<String> RESULT_KEYS =
      Set.of("dataset", "check", "column", "dimension", "success", "observedValue", "threshold", "time", "producer",
          "runId");

  private final Clock clock;
  private final int maxResults;

  public NativeResultsParser(Clock clock, int maxResults) {
    this.clock = clock;
    this.maxResults = maxResults;
  }

  /** @throws io.watershed.quality.api.InvalidInputException with every problem, when any */
  public QualityBatch parse(byte[] body) {
    JsonNode root = JsonFields.parse(body);
    JsonFields fields = new JsonFields();
    fields.onlyKnownKeys(root, "", TOP_KEYS);
    String defaultProducer = fields.text(root, "", "producer", false);
    JsonNode results = root.get("results");
    if (results == null || !results.isArray()) {
      fields.problem("results", "is required: a list of results");
      fields.throwIfAny();
    }
    if (results.isEmpty()) {
      fields.problem("results", "must hold at least one result");
    }
    if (results.size() > maxResults) {
      fields.problem("results", "must hold at most " + maxResults + " results; split the batch");
      fields.throwIfAny();
    }
    Instant latestAllowed = clock.instant().plus(MAX_FUTURE);
    List<CheckResult> checks = new ArrayList<>();
    List<MetricObservation> metrics = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      String path = "results[" + i + "]";
      JsonNode node = results.get(i);
      if (!node.isObject()) {
        fields.problem(path, "must be an object");
        continue;
      }
      int before = fields.problemCount();
      fields.onlyKnownKeys(node, path, RESULT_KEYS);
      DatasetRef dataset = fields.dataset(node, path, "dataset");
      String check = fields.text(node, path, "check", true);
      String column = fields.text(node, path, "column", false);
      Dimension dimension = dimension(fields, node, path);
      Boolean success = fields.bool(node, path, "success");
      Double observed = fields.number(node, path, "observedValue");
      Double threshold = fields.number(node, path, "threshold");
      Instant time = fields.time(node, path, "time");
      String producer = fields.text(node, path, "producer", false);
      String runId = fields.text(node, path, "runId", false);
      if (time != null && time.isAfter(latestAllowed)) {
        fields.problem(path + ".time", "must not be more than " + MAX_FUTURE.toMinutes() + " minutes in the future");
      }
      checkMeasurement(fields, path, dimension, column, observed);
      if (fields.problemCount() > before) {
        continue;
      }
      String by = producer != null ? producer : defaultProducer;
      String id = ResultIds.of("native", dataset.namespace(), dataset.name(), check, column, time, by, runId);
      checks.add(new CheckResult(id, dataset, check, column, dimension, success, observed, threshold, time, by, runId,
          ResultSource.NATIVE));
      if (dimension == Dimension.COMPLETENESS && column != null && observed != null) {
        metrics.add(new MetricObservation(id, dataset, column, null, null, observed, time, by, runId,
            ResultSource.NATIVE, "check:" + check));
      } else if (dimension == Dimension.VOLUME && column == null && observed != null) {
        metrics.add(MetricObservation.rowCount(id, dataset, observed.longValue(), time, by, runId,
            ResultSource.NATIVE, "check:" + check));
      }
    }
    fields.throwIfAny();
    return new QualityBatch(checks, metrics);
  }

  private static Dimension dimension(JsonFields fields, JsonNode node, String path) {
    String text = fields.text(node, path, "dimension", false);
    if (text == null) {
      return null;
    }
    return Dimension.parse(text).orElseGet(() -> {
      fields.problem(path + ".dimension", "must be one of " + Dimension.labels());
      return null;
    });
  }

  /** A completeness ratio must be a ratio and a row count a count, or the objectives would judge nonsense. */
  private static void checkMeasurement(
      JsonFields fields, String path, Dimension dimension, String column, Double observed) {
    if (observed == null) {
      return;
    }
    if (dimension == Dimension.COMPLETENESS && column != null && (observed < 0 || observed > 1)) {
      fields.problem(path + ".observedValue",
          "of a completeness result on a column is its non-null ratio and must be between 0 and 1");
    }
    if (dimension == Dimension.VOLUME && column == null
        && (observed < 0 || observed != Math.rint(observed) || observed > Long.MAX_VALUE)) {
      fields.problem(path + ".observedValue",
          "of a volume result on a dataset is its row count and must be a whole number, 0 or more");
    }
  }
}
