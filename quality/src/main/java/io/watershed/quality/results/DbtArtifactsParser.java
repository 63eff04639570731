package io.watershed.quality.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Turns dbt's {@code run_results.json} into check results, with {@code manifest.json} saying which model (or source)
 * each test is attached to and which relation that is. The body of {@code POST /api/v1/quality/dbt} is
 * {@code {"namespace": "<OpenLineage namespace of the warehouse>", "runResults": {...}, "manifest": {...}}}; the
 * dataset of a test is {@code <namespace>/<database>.<schema>.<alias>}, as the OpenLineage dbt integration names it.
 */
public final class DbtArtifactsParser {

  private static final Set<String> TOP_KEYS = Set.of("namespace", "runResults", "manifest");
  private static final Set<String> JUDGED = Set.of("pass", "fail", "warn", "error");

  /** @throws io.watershed.quality.api.InvalidInputException with every problem, when any */
  public DbtImport parse(byte[] body) {
    JsonNode root = JsonFields.parse(body);
    JsonFields fields = new JsonFields();
    fields.onlyKnownKeys(root, "", TOP_KEYS);
    String namespace = fields.text(root, "", "namespace", true);
    JsonNode runResults = object(fields, root, "runResults");
    JsonNode manifest = object(fields, root, "manifest");
    fields.throwIfAny();
    JsonNode metadata = runResults.path("metadata");
    Instant generatedAt = fields.time(metadata, "runResults.metadata", "generated_at");
    String invocation = metadata.path("invocation_id").isTextual() ? metadata.get("invocation_id").asText() : null;
    String producer = "dbt" + (metadata.path("dbt_version").isTextual() ? " " + metadata.get("dbt_version").asText() : "");
    JsonNode results = runResults.get("results");
    if (results == null || !results.isArray()) {
      fields.problem("runResults.results", "is required: the results list of run_results.json");
    }
    JsonNode nodes = manifest.path("nodes");
    JsonNode sources = manifest.path("sources");
    if (!nodes.isObject()) {
      fields.problem("manifest.nodes", "is required: the nodes of manifest.json");
    }
    fields.throwIfAny();

    List<CheckResult> checks = new ArrayList<>();
    List<MetricObservation> none = List.of();
    int ignored = 0;
    for (int i = 0; i < results.size(); i++) {
      String path = "runResults.results[" + i + "]";
      JsonNode result = results.get(i);
      String uniqueId = fields.text(result, path, "unique_id", true);
      String status = fields.text(result, path, "status", true);
      if (uniqueId == null || status == null) {
        continue;
      }
      // Only tests are quality results; a skipped test said nothing about the data.
      if (!uniqueId.startsWith("test.") || !JUDGED.contains(status.toLowerCase(Locale.ROOT))) {
        ignored++;
        continue;
      }
      JsonNode test = nodes.get(uniqueId);
      if (test == null || !test.isObject()) {
        fields.problem(path + ".unique_id", "'" + uniqueId + "' is not in manifest.nodes; send the manifest of the same run");
        continue;
      }
      String target = attachedNode(test);
      JsonNode relation = target == null ? null : (target.startsWith("source.") ? sources.get(target) : nodes.get(target));
      if (relation == null || !relation.isObject()) {
        fields.problem(path + ".unique_id", "the model tested by '" + uniqueId + "' is not in manifest.json");
        continue;
      }
      DatasetRef dataset = fields.datasetRef(namespace, relationName(relation), path + ".unique_id");
      if (dataset == null) {
        continue;
      }
      Instant time = completedAt(result);
      if (time == null) {
        time = generatedAt;
      }
      if (time == null) {
        continue; // generated_at's problem is reported already
      }
      String name = test.path("name").asText(uniqueId);
      JsonNode metadataNode = test.path("test_metadata");
      String column = textOrNull(test.get("column_name"));
      if (column == null) {
        column = textOrNull(metadataNode.path("kwargs").get("column_name"));
      }
      Dimension dimension = Dimension.ofCheckType(textOrNull(metadataNode.get("name")) != null
          ? metadataNode.get("name").asText() : name);
      Double failures = result.path("failures").isNumber() ? result.get("failures").asDouble() : null;
      boolean success = status.equalsIgnoreCase("pass");
      checks.add(new CheckResult(ResultIds.of("dbt", invocation, uniqueId, time), dataset, name, column, dimension,
          success, failures, null, time, producer, invocation, ResultSource.DBT));
    }
    fields.throwIfAny();
    return new DbtImport(new QualityBatch(checks, none), results.size(), ignored);
  }

  private static JsonNode object(JsonFields fields, JsonNode root, String key) {
    JsonNode value = root.get(key);
    if (value == null || !value.isObject()) {
      fields.problem(key, "is required: the JSON object of " + (key.equals("runResults") ? "run_results.json" : "manifest.json"));
      return null;
    }
    return value;
  }

  /** The model or source a test checks: {@code attached_node} (dbt 1.5+), else its first non-macro dependency. */
  private static @Nullable String attachedNode(JsonNode test) {
    String attached = textOrNull(test.get("attached_node"));
    if (attached != null) {
      return attached;
    }
    return StreamSupport.stream(test.path("depends_on").path("nodes").spliterator(), false)
        .map(JsonNode::asText)
        .filter(id -> id.startsWith("model.") || id.startsWith("seed.") || id.startsWith("snapshot.")
            || id.startsWith("source."))
        .findFirst()
        .orElse(null);
  }

  /** {@code database.schema.alias} (sources: {@code identifier}); parts a warehouse does not have are left out. */
  private static @Nullable String relationName(JsonNode relation) {
    String table = textOrNull(relation.get("alias"));
    if (table == null) {
      table = textOrNull(relation.get("identifier"));
    }
    if (table == null) {
      table = textOrNull(relation.get("name"));
    }
    if (table == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {textOrNull(relation.get("database")), textOrNull(relation.get("schema")), table}) {
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.stream().collect(Collectors.joining("."));
  }

  private static @Nullable Instant completedAt(JsonNode result) {
    for (JsonNode step : result.path("timing")) {
      if ("execute".equals(step.path("name").asText()) && step.path("completed_at").isTextual()) {
        try {
          return OffsetDateTime.parse(withOffset(step.get("completed_at").asText())).toInstant();
        } catch (DateTimeException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** dbt writes UTC times with or without {@code Z}; read both as UTC. */
  static String withOffset(String time) {
    boolean hasOffset = time.endsWith("Z") || time.matches(".*[+-]\\d\\d:?\\d\\d$");
    return hasOffset ? time : time + "Z";
  }

  private static @Nullable String textOrNull(@Nullable JsonNode node) {
    return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
  }

  /**
   * What one upload held.
   *
   * @param received results in run_results.json
   * @param ignored results that are not test outcomes (model runs, skipped tests)
   */
  public record DbtImport(QualityBatch batch, int received, int ignored) {}
}
