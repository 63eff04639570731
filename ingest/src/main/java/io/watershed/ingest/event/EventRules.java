package io.watershed.ingest.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structural rules an event must meet before anything is written. They follow the OpenLineage 2-0-2 schema,
 * strict where a wrong value would corrupt the graph (ids, times, names) and lenient only where real integrations
 * need it (a missing {@code schemaURL}, incomplete standard facets): see docs/ingest.md for the full table.
 */
final class EventRules {

  static final int MAX_NAMESPACE_LENGTH = 1024;
  static final int MAX_NAME_LENGTH = 4096;
  static final int MAX_DATASETS_PER_SIDE = 5000;

  static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

  private static final Pattern UUID =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private EventRules() {}

  /** Checks the event and tells which of the three kinds it is. */
  static EventKindRule check(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new InvalidEventException("", "an event must be a JSON object");
    }
    checkTime(event, "eventTime");
    requireText(event, "producer", "required: a URI naming the producer, e.g. https://github.com/OpenLineage/OpenLineage/tree/1.55.0/client/java", Integer.MAX_VALUE);
    if (event.has("schemaURL") && !event.get("schemaURL").isNull() && !event.get("schemaURL").isTextual()) {
      throw new InvalidEventException("schemaURL", "must be a string (a URI of the OpenLineage schema)");
    }
    EventKindRule kind;
    if (event.has("run")) {
      kind = EventKindRule.RUN;
      JsonNode run = object(event, "run");
      JsonNode runId = run.get("runId");
      if (runId == null || runId.isNull()) {
        throw new InvalidEventException("run.runId", "required: the run's UUID");
      }
      if (!runId.isTextual() || !UUID.matcher(runId.asText()).matches()) {
        throw new InvalidEventException("run.runId", "must be a UUID (8-4-4-4-12 hexadecimal digits)");
      }
      checkFacets(run, "run");
      checkJob(event);
      JsonNode type = event.get("eventType");
      if (type != null && !type.isNull() && !(type.isTextual() && EVENT_TYPES.contains(type.asText()))) {
        throw new InvalidEventException(
            "eventType", "must be one of START, RUNNING, COMPLETE, ABORT, FAIL, OTHER");
      }
      checkDatasets(event, "inputs");
      checkDatasets(event, "outputs");
    } else if (event.has("dataset")) {
      kind = EventKindRule.DATASET;
      if (event.has("job")) {
        throw new InvalidEventException("job", "a DatasetEvent (one with dataset) must not carry job or run");
      }
      checkDataset(object(event, "dataset"), "dataset");
    } else if (event.has("job")) {
      kind = EventKindRule.JOB;
      checkJob(event);
      checkDatasets(event, "inputs");
      checkDatasets(event, "outputs");
    } else {
      throw new InvalidEventException(
          "run", "required: a RunEvent has run and job, a DatasetEvent has dataset, a JobEvent has job");
    }
    return kind;
  }

  private static void checkJob(JsonNode event) {
    JsonNode job = object(event, "job");
    requireText(job, "namespace", "required: the job's namespace", MAX_NAMESPACE_LENGTH, "job.");
    requireText(job, "name", "required: the job's name", MAX_NAME_LENGTH, "job.");
    checkFacets(job, "job");
  }

  private static void checkDatasets(JsonNode event, String side) {
    JsonNode list = event.get(side);
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw new InvalidEventException(side, "must be an array of datasets");
    }
    if (list.size() > MAX_DATASETS_PER_SIDE) {
      throw new InvalidEventException(side, "must list at most " + MAX_DATASETS_PER_SIDE + " datasets");
    }
    for (int i = 0; i < list.size(); i++) {
      String path = side + "[" + i + "]";
      JsonNode d = list.get(i);
      if (!d.isObject()) {
        throw new InvalidEventException(path, "a dataset must be a JSON object with namespace and name");
      }
      checkDataset(d, path);
      checkFacets(d, path, "inputFacets");
      checkFacets(d, path, "outputFacets");
    }
  }

  private static void checkDataset(JsonNode d, String path) {
    requireText(d, "namespace", "required: the dataset's namespace", MAX_NAMESPACE_LENGTH, path + ".");
    requireText(d, "name", "required: the dataset's name", MAX_NAME_LENGTH, path + ".");
    checkFacets(d, path);
  }

  private static void checkFacets(JsonNode owner, String path) {
    checkFacets(owner, path, "facets");
  }

  private static void checkFacets(JsonNode owner, String path, String key) {
    JsonNode facets = owner.get(key);
    if (facets != null && !facets.isNull() && !facets.isObject()) {
      throw new InvalidEventException(path + "." + key, "must be an object of facets keyed by facet name");
    }
  }

  private static JsonNode object(JsonNode parent, String key) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      throw new InvalidEventException(key, "required");
    }
    if (!node.isObject()) {
      throw new InvalidEventException(key, "must be a JSON object");
    }
    return node;
  }

  private static void requireText(JsonNode parent, String key, String rule, int maxLength) {
    requireText(parent, key, rule, maxLength, "");
  }

  private static void requireText(JsonNode parent, String key, String rule, int maxLength, String prefix) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      throw new InvalidEventException(prefix + key, rule);
    }
    if (!node.isTextual()) {
      throw new InvalidEventException(prefix + key, "must be a string");
    }
    if (node.asText().length() > maxLength) {
      throw new InvalidEventException(prefix + key, "must be at most " + maxLength + " characters");
    }
  }

  private static void checkTime(JsonNode event, String key) {
    JsonNode node = event.get(key);
    String rule = "required: an RFC 3339 date-time with a UTC offset, e.g. 2026-11-21T10:15:30.123Z";
    if (node == null || node.isNull() || !node.isTextual()) {
      throw new InvalidEventException(key, rule);
    }
    try {
      OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new InvalidEventException(key, "must be an RFC 3339 date-time with a UTC offset (Z or +hh:mm)");
    }
  }

  /** The three event kinds, as told by their required keys. */
  enum EventKindRule {
    RUN,
    DATASET,
    JOB
  }
}
