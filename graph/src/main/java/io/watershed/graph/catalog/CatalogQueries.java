package io.watershed.graph.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.watershed.graph.catalog.Views.DatasetId;
import io.watershed.graph.catalog.Views.DatasetVersionView;
import io.watershed.graph.catalog.Views.DatasetView;
import io.watershed.graph.catalog.Views.FieldView;
import io.watershed.graph.catalog.Views.JobId;
import io.watershed.graph.catalog.Views.JobView;
import io.watershed.graph.catalog.Views.NamespaceView;
import io.watershed.graph.catalog.Views.OwnerView;
import io.watershed.graph.catalog.Views.Page;
import io.watershed.graph.catalog.Views.RunView;
import io.watershed.graph.catalog.Views.SymlinkView;
import io.watershed.graph.lineage.NodeNotFoundException;
import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.write.EventPayload;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Namespaces, datasets, jobs and runs as the read API shows them. */
@Singleton
public class CatalogQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Neo4jConnection connection;

  public CatalogQueries(Neo4jConnection connection) {
    this.connection = connection;
  }

  public Page<NamespaceView> namespaces(int limit, int offset) {
    return read(
        session -> {
          List<NamespaceView> items =
              session
                  .run(CatalogCypher.NAMESPACES, Map.of("limit", limit, "offset", offset))
                  .list(r -> namespace(r.get("ns")));
          long total = session.run(CatalogCypher.COUNT_NAMESPACES).single().get("total").asLong();
          return new Page<>(items, total);
        });
  }

  public NamespaceView namespace(String name) {
    return read(
        session -> {
          List<Record> rows = session.run(CatalogCypher.NAMESPACE, Map.of("namespace", name)).list();
          if (rows.isEmpty()) {
            throw new NodeNotFoundException("namespace", name);
          }
          return namespace(rows.get(0).get("ns"));
        });
  }

  public Page<DatasetView> datasets(String namespace, int limit, int offset) {
    return read(
        session -> {
          requireNamespace(session, namespace);
          Map<String, Object> p = Map.of("namespace", namespace, "limit", limit, "offset", offset);
          List<DatasetView> items = session.run(CatalogCypher.DATASETS, p).list(CatalogQueries::dataset);
          long total =
              session.run(CatalogCypher.COUNT_DATASETS, Map.of("namespace", namespace)).single().get("total").asLong();
          return new Page<>(items, total);
        });
  }

  public DatasetView dataset(String namespace, String name) {
    return read(
        session -> {
          List<Record> rows =
              session.run(CatalogCypher.DATASET, Map.of("namespace", namespace, "name", name)).list();
          if (rows.isEmpty()) {
            throw new NodeNotFoundException("dataset", namespace + ":" + name);
          }
          return dataset(rows.get(0));
        });
  }

  public Page<DatasetVersionView> datasetVersions(String namespace, String name, int limit, int offset) {
    return read(
        session -> {
          dataset(namespace, name);
          List<DatasetVersionView> items =
              session
                  .run(
                      CatalogCypher.DATASET_VERSIONS,
                      Map.of("namespace", namespace, "name", name, "limit", limit, "offset", offset))
                  .list(r -> version(r.get("v")));
          long total =
              session
                  .run(CatalogCypher.COUNT_DATASET_VERSIONS, Map.of("namespace", namespace, "name", name))
                  .single()
                  .get("total")
                  .asLong();
          return new Page<>(items, total);
        });
  }

  public Page<JobView> jobs(String namespace, int limit, int offset) {
    return read(
        session -> {
          requireNamespace(session, namespace);
          Map<String, Object> p = Map.of("namespace", namespace, "limit", limit, "offset", offset);
          List<JobView> items = session.run(CatalogCypher.JOBS, p).list(CatalogQueries::job);
          long total =
              session.run(CatalogCypher.COUNT_JOBS, Map.of("namespace", namespace)).single().get("total").asLong();
          return new Page<>(items, total);
        });
  }

  public JobView job(String namespace, String name) {
    return read(
        session -> {
          List<Record> rows = session.run(CatalogCypher.JOB, Map.of("namespace", namespace, "name", name)).list();
          if (rows.isEmpty()) {
            throw new NodeNotFoundException("job", namespace + ":" + name);
          }
          return job(rows.get(0));
        });
  }

  public Page<RunView> runs(String namespace, String job, int limit, int offset) {
    return read(
        session -> {
          Map<String, Object> key = Map.of("namespace", namespace, "name", job);
          if (!session.run(CatalogCypher.JOB_EXISTS, key).single().get("found").asBoolean()) {
            throw new NodeNotFoundException("job", namespace + ":" + job);
          }
          List<RunView> items =
              session
                  .run(
                      CatalogCypher.RUNS,
                      Map.of("namespace", namespace, "name", job, "limit", limit, "offset", offset))
                  .list(r -> run(r.get("r"), r));
          long total = session.run(CatalogCypher.COUNT_RUNS, key).single().get("total").asLong();
          return new Page<>(items, total);
        });
  }

  public RunView run(String runId) {
    return read(
        session -> {
          List<Record> rows = session.run(CatalogCypher.RUN, Map.of("runId", runId)).list();
          if (rows.isEmpty()) {
            throw new NodeNotFoundException("run", runId);
          }
          return run(rows.get(0).get("r"), rows.get(0));
        });
  }

  /** The raw events of a run as they were received, oldest first. */
  public List<JsonNode> runEvents(String runId) {
    return read(
        session -> {
          run(runId);
          return session
              .run(CatalogCypher.RUN_EVENTS, Map.of("runId", runId))
              .list(r -> parse(EventPayload.json(r.get("payload").asObject())));
        });
  }

  private <T> T read(Function<Session, T> work) {
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      return work.apply(session);
    }
  }

  private static void requireNamespace(Session session, String namespace) {
    if (session.run(CatalogCypher.NAMESPACE, Map.of("namespace", namespace)).list().isEmpty()) {
      throw new NodeNotFoundException("namespace", namespace);
    }
  }

  private static NamespaceView namespace(Value ns) {
    return new NamespaceView(ns.get("name").asString(), time(ns.get("createdAt")), time(ns.get("updatedAt")));
  }

  private static DatasetView dataset(Record r) {
    Value d = r.get("d");
    String ns = d.get("namespace").asString();
    String name = d.get("name").asString();
    return new DatasetView(
        new DatasetId(ns, name),
        "DB_TABLE",
        name,
        name,
        ns,
        text(d.get("sourceName")),
        text(d.get("description")),
        time(d.get("createdAt")),
        time(d.get("updatedAt")),
        time(d.get("lastModifiedAt")),
        text(d.get("lifecycleState")),
        fields(text(d.get("schema"))),
        r.get("retiredFields").asList(Value::asString),
        r.get("owners").asList(o -> new OwnerView(o.get("name").asString(), text(o.get("type")))),
        r.get("symlinks")
            .asList(s -> new SymlinkView(s.get("namespace").asString(), s.get("name").asString(), text(s.get("type")))),
        facets(d));
  }

  private static DatasetVersionView version(Value v) {
    return new DatasetVersionView(
        v.get("versionId").asString(),
        v.get("namespace").asString(),
        v.get("name").asString(),
        text(v.get("runId")),
        time(v.get("createdAt")),
        time(v.get("completedAt")),
        text(v.get("lifecycleState")),
        fields(text(v.get("schema"))),
        facets(v));
  }

  private static JobView job(Record r) {
    Value j = r.get("j");
    String ns = j.get("namespace").asString();
    String name = j.get("name").asString();
    Value latest = r.get("latestRun");
    String parent = text(r.get("parentJobName"));
    String simple = parent != null && name.startsWith(parent + ".") ? name.substring(parent.length() + 1) : name;
    return new JobView(
        new JobId(ns, name),
        text(j.get("type")),
        name,
        simple,
        parent,
        ns,
        text(j.get("description")),
        time(j.get("createdAt")),
        time(j.get("updatedAt")),
        datasetIds(r.get("inputs")),
        datasetIds(r.get("outputs")),
        r.get("owners").asList(o -> new OwnerView(o.get("name").asString(), text(o.get("type")))),
        latest.isNull() ? null : run(latest, null),
        facets(j));
  }

  private static RunView run(Value r, Record context) {
    OffsetDateTime started = time(r.get("startedAt"));
    OffsetDateTime ended = time(r.get("endedAt"));
    Long duration = started != null && ended != null ? Duration.between(started, ended).toMillis() : null;
    String ns = text(r.get("jobNamespace"));
    String job = text(r.get("jobName"));
    return new RunView(
        r.get("runId").asString(),
        time(r.get("createdAt")),
        time(r.get("updatedAt")),
        time(r.get("nominalStartTime")),
        time(r.get("nominalEndTime")),
        marquezState(text(r.get("state"))),
        text(r.get("state")),
        started,
        ended,
        duration,
        ns == null || job == null ? null : new JobId(ns, job),
        context == null ? null : text(context.get("parentRunId")),
        text(r.get("errorMessage")),
        context == null ? List.of() : datasetIds(context.get("inputs")),
        context == null ? List.of() : context.get("outputs").asList(v -> v.asMap(Value::asObject)),
        facets(r));
  }

  /** Marquez's run states: OpenLineage's START/RUNNING are RUNNING, COMPLETE is COMPLETED and so on. */
  static String marquezState(String openLineageState) {
    if (openLineageState == null) {
      return "NEW";
    }
    return switch (openLineageState) {
      case "START", "RUNNING" -> "RUNNING";
      case "COMPLETE" -> "COMPLETED";
      case "FAIL" -> "FAILED";
      case "ABORT" -> "ABORTED";
      default -> "NEW";
    };
  }

  private static List<DatasetId> datasetIds(Value list) {
    return list.asList(v -> new DatasetId(v.get("namespace").asString(), v.get("name").asString()));
  }

  private static List<FieldView> fields(String schemaJson) {
    List<FieldView> out = new ArrayList<>();
    if (schemaJson == null) {
      return out;
    }
    for (JsonNode f : parse(schemaJson)) {
      out.add(
          new FieldView(
              f.path("name").asText(),
              f.hasNonNull("type") ? f.get("type").asText() : null,
              f.hasNonNull("description") ? f.get("description").asText() : null,
              List.of()));
    }
    return out;
  }

  /** The {@code facet.<key>} properties of a node as a map of parsed JSON. */
  static Map<String, JsonNode> facets(Value node) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (String key : node.keys()) {
      if (key.startsWith("facet.")) {
        out.put(key.substring("facet.".length()), parse(node.get(key).asString()));
      }
    }
    return out;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      // Stored by us from parsed JSON, so this means a corrupted value: show it rather than fail the request.
      return TextNode.valueOf(json);
    }
  }

  private static String text(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }

  private static OffsetDateTime time(Value v) {
    if (v == null || v.isNull()) {
      return null;
    }
    Object o = v.asObject();
    return o instanceof ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) o;
  }
}
