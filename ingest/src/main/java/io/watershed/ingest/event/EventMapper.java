package io.watershed.ingest.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.DatasetFacts.ColumnLineageEdge;
import io.watershed.graph.write.DatasetFacts.FieldFacts;
import io.watershed.graph.write.DatasetFacts.SymlinkRef;
import io.watershed.graph.write.EventPayload;
import io.watershed.graph.write.FacetMap;
import io.watershed.graph.write.JobFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageEvent.EventKind;
import io.watershed.graph.write.OwnerRef;
import io.watershed.graph.write.RunFacts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a validated event to what the graph stores. Facets are kept exactly as sent (as JSON per facet key); the few
 * that Watershed interprets (schema, column lineage, symlinks, ownership, parent, nominal time, error message,
 * lifecycle, documentation, data source, job type, SQL, output statistics) are read from the same JSON tree, and a
 * standard facet that misses a property Watershed needs is stored but not interpreted.
 */
final class EventMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The JSON text of this event's facets, reused for the payload: an EventMapper maps one event. */
  private final JsonText text = new JsonText();

  LineageEvent map(JsonNode event, Object typed, ZonedDateTime receivedAt) {
    String eventId = CanonicalJson.eventId(event);
    // The payload is written last, after the facets whose text it copies in.
    if (typed instanceof OpenLineage.RunEvent run) {
      return runEvent(event, run, eventId, receivedAt);
    }
    if (typed instanceof OpenLineage.DatasetEvent ds) {
      DatasetFacts dataset = dataset(event.get("dataset"), null);
      return new LineageEvent(
          eventId,
          EventKind.DATASET_EVENT,
          textOrNull(event.get("eventType")),
          utc(ds.getEventTime()),
          ds.getProducer() == null ? null : ds.getProducer().toString(),
          textOrNull(event.get("schemaURL")),
          EventPayload.of(text.event(event)),
          receivedAt,
          null,
          null,
          List.of(),
          List.of(),
          dataset);
    }
    if (typed instanceof OpenLineage.JobEvent job) {
      JobFacts jobFacts = job(event.get("job"));
      List<DatasetFacts> inputs = datasets(event.get("inputs"), "inputFacets");
      List<DatasetFacts> outputs = datasets(event.get("outputs"), "outputFacets");
      return new LineageEvent(
          eventId,
          EventKind.JOB_EVENT,
          textOrNull(event.get("eventType")),
          utc(job.getEventTime()),
          job.getProducer() == null ? null : job.getProducer().toString(),
          textOrNull(event.get("schemaURL")),
          EventPayload.of(text.event(event)),
          receivedAt,
          jobFacts,
          null,
          inputs,
          outputs,
          null);
    }
    throw new IllegalArgumentException("not an OpenLineage event: " + typed.getClass());
  }

  // The schemaURL as sent: the OpenLineage model fills in a default when it is missing, which we must not store.
  private LineageEvent runEvent(JsonNode event, OpenLineage.RunEvent run, String eventId, ZonedDateTime receivedAt) {
    JsonNode runNode = event.get("run");
    JobFacts job = job(event.get("job"));
    RunFacts runFacts =
        new RunFacts(
            runNode.get("runId").asText().toLowerCase(java.util.Locale.ROOT),
            runFacets(runNode.get("facets")),
            parent(runNode.get("facets")));
    List<DatasetFacts> inputs = datasets(event.get("inputs"), "inputFacets");
    List<DatasetFacts> outputs = datasets(event.get("outputs"), "outputFacets");
    return new LineageEvent(
        eventId,
        EventKind.RUN_EVENT,
        run.getEventType() == null ? null : run.getEventType().name(),
        utc(run.getEventTime()),
        run.getProducer() == null ? null : run.getProducer().toString(),
        textOrNull(event.get("schemaURL")),
        EventPayload.of(text.event(event)),
        receivedAt,
        job,
        runFacts,
        inputs,
        outputs,
        null);
  }

  private JobFacts job(JsonNode job) {
    JsonNode facets = job.get("facets");
    Map<String, Map<String, Object>> derived = new HashMap<>();
    JsonNode jobType = facet(facets, "jobType");
    if (jobType != null) {
      derived.put(
          "jobType",
          props(
              "type", textOrNull(jobType.get("jobType")),
              "integration", textOrNull(jobType.get("integration")),
              "processingType", textOrNull(jobType.get("processingType"))));
    }
    JsonNode doc = facet(facets, "documentation");
    if (doc != null) {
      derived.put("documentation", props("description", textOrNull(doc.get("description"))));
    }
    JsonNode sql = facet(facets, "sql");
    if (sql != null) {
      derived.put("sql", props("sql", textOrNull(sql.get("query"))));
    }
    return new JobFacts(
        job.get("namespace").asText(), job.get("name").asText(), facetMap(facets, derived), owners(facets));
  }

  private FacetMap runFacets(JsonNode facets) {
    Map<String, Map<String, Object>> derived = new HashMap<>();
    JsonNode nominal = facet(facets, "nominalTime");
    if (nominal != null) {
      derived.put(
          "nominalTime",
          props(
              "nominalStartTime", time(nominal.get("nominalStartTime")),
              "nominalEndTime", time(nominal.get("nominalEndTime"))));
    }
    JsonNode error = facet(facets, "errorMessage");
    if (error != null) {
      derived.put(
          "errorMessage",
          props(
              "errorMessage", textOrNull(error.get("message")),
              "errorLanguage", textOrNull(error.get("programmingLanguage")),
              "errorStackTrace", textOrNull(error.get("stackTrace"))));
    }
    return facetMap(facets, derived);
  }

  private static RunFacts.ParentRef parent(JsonNode facets) {
    JsonNode parent = facet(facets, "parent");
    if (parent == null) {
      return null;
    }
    JsonNode job = parent.path("job");
    String ns = textOrNull(job.get("namespace"));
    String name = textOrNull(job.get("name"));
    if (ns == null || name == null || ns.isBlank() || name.isBlank()) {
      return null; // incomplete parent facet: stored as sent, not linked
    }
    String runId = textOrNull(parent.path("run").get("runId"));
    return new RunFacts.ParentRef(ns, name, runId == null ? null : runId.toLowerCase(java.util.Locale.ROOT));
  }

  private List<DatasetFacts> datasets(JsonNode list, String ioKey) {
    List<DatasetFacts> out = new ArrayList<>();
    if (list == null || !list.isArray()) {
      return out;
    }
    for (JsonNode d : list) {
      out.add(dataset(d, ioKey));
    }
    return out;
  }

  private DatasetFacts dataset(JsonNode d, String ioKey) {
    String namespace = d.get("namespace").asText();
    String name = d.get("name").asText();
    JsonNode facets = d.get("facets");
    Map<String, Map<String, Object>> derived = new HashMap<>();
    JsonNode doc = facet(facets, "documentation");
    if (doc != null) {
      derived.put("documentation", props("description", textOrNull(doc.get("description"))));
    }
    JsonNode source = facet(facets, "dataSource");
    if (source != null) {
      derived.put(
          "dataSource", props("sourceName", textOrNull(source.get("name")), "sourceUri", textOrNull(source.get("uri"))));
    }
    JsonNode lifecycle = facet(facets, "lifecycleStateChange");
    if (lifecycle != null) {
      derived.put("lifecycleStateChange", props("lifecycleState", textOrNull(lifecycle.get("lifecycleStateChange"))));
    }
    JsonNode version = facet(facets, "version");
    if (version != null) {
      derived.put("version", props("datasetVersion", textOrNull(version.get("datasetVersion"))));
    }
    JsonNode io = ioKey == null ? null : d.get(ioKey);
    Map<String, Map<String, Object>> ioDerived = new HashMap<>();
    JsonNode stats = facet(io, "outputStatistics");
    if (stats != null) {
      ioDerived.put(
          "outputStatistics",
          props(
              "rowCount", longOrNull(stats.get("rowCount")),
              "bytes", longOrNull(stats.get("size")),
              "fileCount", longOrNull(stats.get("fileCount"))));
    }
    JsonNode schema = facet(facets, "schema");
    List<FieldFacts> fields = null;
    String schemaJson = null;
    if (schema != null && schema.path("fields").isArray()) {
      fields = new ArrayList<>();
      flatten(schema.get("fields"), "", fields);
      schemaJson = write(fieldsJson(fields));
    }
    return new DatasetFacts(
        namespace,
        name,
        facetMap(facets, derived),
        facetMap(io, ioDerived),
        fields,
        schemaJson,
        symlinks(facets),
        owners(facets),
        columnLineage(facets));
  }

  /** Nested (struct) fields become {@code parent.child}. Fields without a name are skipped. */
  private static void flatten(JsonNode fields, String prefix, List<FieldFacts> out) {
    for (JsonNode f : fields) {
      String name = textOrNull(f.get("name"));
      if (name == null || name.isEmpty()) {
        continue;
      }
      String full = prefix + name;
      out.add(new FieldFacts(full, textOrNull(f.get("type")), textOrNull(f.get("description"))));
      if (f.path("fields").isArray()) {
        flatten(f.get("fields"), full + ".", out);
      }
    }
  }

  private static JsonNode fieldsJson(List<FieldFacts> fields) {
    var array = JSON.createArrayNode();
    for (FieldFacts f : fields) {
      var o = array.addObject();
      o.put("name", f.name());
      if (f.type() != null) {
        o.put("type", f.type());
      }
      if (f.description() != null) {
        o.put("description", f.description());
      }
    }
    return array;
  }

  private static List<SymlinkRef> symlinks(JsonNode facets) {
    List<SymlinkRef> out = new ArrayList<>();
    JsonNode symlinks = facet(facets, "symlinks");
    if (symlinks == null || !symlinks.path("identifiers").isArray()) {
      return out;
    }
    for (JsonNode id : symlinks.get("identifiers")) {
      String ns = textOrNull(id.get("namespace"));
      String name = textOrNull(id.get("name"));
      if (ns != null && name != null && !ns.isBlank() && !name.isBlank()) {
        out.add(new SymlinkRef(ns, name, textOrNull(id.get("type"))));
      }
    }
    return out;
  }

  private static List<OwnerRef> owners(JsonNode facets) {
    List<OwnerRef> out = new ArrayList<>();
    JsonNode ownership = facet(facets, "ownership");
    if (ownership == null || !ownership.path("owners").isArray()) {
      return out;
    }
    for (JsonNode o : ownership.get("owners")) {
      String name = textOrNull(o.get("name"));
      if (name != null && !name.isBlank()) {
        out.add(new OwnerRef(name, textOrNull(o.get("type"))));
      }
    }
    return out;
  }

  private static List<ColumnLineageEdge> columnLineage(JsonNode facets) {
    List<ColumnLineageEdge> out = new ArrayList<>();
    JsonNode cl = facet(facets, "columnLineage");
    if (cl == null || !cl.path("fields").isObject()) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> it = cl.get("fields").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode field = entry.getValue();
      if (!field.path("inputFields").isArray()) {
        continue;
      }
      for (JsonNode in : field.get("inputFields")) {
        String ns = textOrNull(in.get("namespace"));
        String name = textOrNull(in.get("name"));
        String inField = textOrNull(in.get("field"));
        if (ns == null || name == null || inField == null || ns.isBlank() || name.isBlank() || inField.isBlank()) {
          continue;
        }
        JsonNode transformations = in.get("transformations");
        String tx = null;
        if (transformations != null && !transformations.isNull()) {
          tx = write(transformations);
        } else if (field.has("transformationType") || field.has("transformationDescription")) {
          // Column lineage 1-0-x put one transformation on the output field.
          var legacy = JSON.createObjectNode();
          legacy.put("type", textOrNull(field.get("transformationType")));
          legacy.put("description", textOrNull(field.get("transformationDescription")));
          tx = write(JSON.createArrayNode().add(legacy));
        }
        out.add(new ColumnLineageEdge(entry.getKey(), ns, name, inField, tx));
      }
    }
    return out;
  }

  private FacetMap facetMap(JsonNode facets, Map<String, Map<String, Object>> derived) {
    if (facets == null || !facets.isObject()) {
      return FacetMap.EMPTY;
    }
    Map<String, String> json = new LinkedHashMap<>();
    facets.fields().forEachRemaining(e -> {
      if (!e.getValue().isNull()) {
        json.put(e.getKey(), text.facet(e.getValue()));
      }
    });
    derived.keySet().retainAll(json.keySet());
    return new FacetMap(json, derived);
  }

  private static JsonNode facet(JsonNode facets, String key) {
    if (facets == null || !facets.isObject()) {
      return null;
    }
    JsonNode f = facets.get(key);
    return f == null || !f.isObject() ? null : f;
  }

  /** A derived-property map that may hold nulls (a null clears the property). */
  private static Map<String, Object> props(Object... keyValues) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      out.put((String) keyValues[i], keyValues[i + 1]);
    }
    return out;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static Long longOrNull(JsonNode node) {
    return node != null && node.canConvertToLong() && node.isIntegralNumber() ? node.asLong() : null;
  }

  private static ZonedDateTime time(JsonNode node) {
    String text = textOrNull(node);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static ZonedDateTime utc(ZonedDateTime t) {
    return t.withZoneSameInstant(ZoneOffset.UTC);
  }

  private static String write(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a parsed JSON tree", e);
    }
  }
}
