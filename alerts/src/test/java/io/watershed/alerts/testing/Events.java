package io.watershed.alerts.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.DatasetFacts.ColumnLineageEdge;
import io.watershed.graph.write.DatasetFacts.FieldFacts;
import io.watershed.graph.write.EventPayload;
import io.watershed.graph.write.FacetMap;
import io.watershed.graph.write.JobFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageEvent.EventKind;
import io.watershed.graph.write.RunFacts;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds {@link LineageEvent}s the way the ingest module maps real OpenLineage events: run events with inputs and
 * outputs, schema facets, column lineage, lifecycle changes, error messages and data-quality assertions.
 */
public final class Events {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  public static RunBuilder run(String namespace, String job, String runId, String eventType, ZonedDateTime time) {
    return new RunBuilder(namespace, job, runId, eventType, time);
  }

  public static DatasetBuilder dataset(String namespace, String name) {
    return new DatasetBuilder(namespace, name);
  }

  /** A run event. */
  public static final class RunBuilder {
    private final String namespace;
    private final String job;
    private final String runId;
    private final String eventType;
    private final ZonedDateTime time;
    private final List<DatasetFacts> inputs = new ArrayList<>();
    private final List<DatasetFacts> outputs = new ArrayList<>();
    private String error;

    private RunBuilder(String namespace, String job, String runId, String eventType, ZonedDateTime time) {
      this.namespace = namespace;
      this.job = job;
      this.runId = runId;
      this.eventType = eventType;
      this.time = time;
    }

    public RunBuilder input(DatasetBuilder d) {
      inputs.add(d.build());
      return this;
    }

    public RunBuilder input(String name) {
      return input(dataset(namespace, name));
    }

    public RunBuilder output(DatasetBuilder d) {
      outputs.add(d.build());
      return this;
    }

    public RunBuilder output(String name) {
      return output(dataset(namespace, name));
    }

    /** An {@code errorMessage} run facet. */
    public RunBuilder error(String message) {
      this.error = message;
      return this;
    }

    public LineageEvent build() {
      FacetMap facets = FacetMap.EMPTY;
      if (error != null) {
        String facet = JSON.createObjectNode().put("message", error).put("programmingLanguage", "python").toString();
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("errorMessage", error);
        facets = new FacetMap(Map.of("errorMessage", facet), Map.of("errorMessage", derived));
      }
      String id = UUID.nameUUIDFromBytes(
          (namespace + job + runId + eventType + time + outputs + inputs).getBytes(StandardCharsets.UTF_8)).toString();
      return new LineageEvent(
          id, EventKind.RUN_EVENT, eventType, time, "https://github.com/OpenLineage/OpenLineage/tree/1.23.0/integration/airflow",
          "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent", EventPayload.of("{}"), time,
          new JobFacts(namespace, job, FacetMap.EMPTY, List.of()),
          new RunFacts(runId, facets, null), inputs, outputs, null);
    }
  }

  /** One dataset of an event. */
  public static final class DatasetBuilder {
    private final String namespace;
    private final String name;
    private List<FieldFacts> schema;
    private final List<ColumnLineageEdge> lineage = new ArrayList<>();
    private final Map<String, String> facets = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> derived = new LinkedHashMap<>();
    private final Map<String, String> ioFacets = new LinkedHashMap<>();

    private DatasetBuilder(String namespace, String name) {
      this.namespace = namespace;
      this.name = name;
    }

    /** A schema facet; each field is {@code name:TYPE}. */
    public DatasetBuilder schema(String... fields) {
      schema = new ArrayList<>();
      for (String f : fields) {
        String[] parts = f.split(":", 2);
        schema.add(new FieldFacts(parts[0], parts.length > 1 ? parts[1] : null, null));
      }
      return this;
    }

    /** Column lineage: this dataset's {@code field} is computed from {@code inName.inField} (same namespace). */
    public DatasetBuilder derives(String field, String inName, String inField) {
      lineage.add(new ColumnLineageEdge(field, namespace, inName, inField, "[{\"type\":\"DIRECT\",\"subtype\":\"IDENTITY\"}]"));
      return this;
    }

    /** A {@code lifecycleStateChange} facet. */
    public DatasetBuilder lifecycle(String state) {
      facets.put("lifecycleStateChange", JSON.createObjectNode().put("lifecycleStateChange", state).toString());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("lifecycleState", state);
      derived.put("lifecycleStateChange", d);
      return this;
    }

    /** A RENAME {@code lifecycleStateChange} facet naming the previous identifier. */
    public DatasetBuilder renamedFrom(String previousNamespace, String previousName) {
      var facet = JSON.createObjectNode().put("lifecycleStateChange", "RENAME");
      facet.putObject("previousIdentifier").put("namespace", previousNamespace).put("name", previousName);
      facets.put("lifecycleStateChange", facet.toString());
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("lifecycleState", "RENAME");
      derived.put("lifecycleStateChange", d);
      return this;
    }

    /** A {@code dataQualityAssertions} facet; each assertion is {@code name:column:true|false} (column may be empty). */
    public DatasetBuilder assertions(String... assertions) {
      var facet = JSON.createObjectNode();
      ArrayNode list = facet.putArray("assertions");
      for (String a : assertions) {
        String[] p = a.split(":", -1);
        var node = list.addObject().put("assertion", p[0]).put("success", Boolean.parseBoolean(p[2]));
        if (!p[1].isEmpty()) {
          node.put("column", p[1]);
        }
      }
      ioFacets.put("dataQualityAssertions", facet.toString());
      return this;
    }

    DatasetFacts build() {
      String schemaJson = null;
      if (schema != null) {
        ArrayNode array = JSON.createArrayNode();
        schema.forEach(f -> {
          var o = array.addObject().put("name", f.name());
          if (f.type() != null) {
            o.put("type", f.type());
          }
        });
        schemaJson = array.toString();
      }
      return new DatasetFacts(
          namespace, name, new FacetMap(facets, derived), new FacetMap(ioFacets, Map.of()), schema, schemaJson,
          List.of(), List.of(), lineage);
    }

    @Override
    public String toString() {
      return namespace + "/" + name + "/" + schema + "/" + facets + "/" + ioFacets;
    }
  }
}
