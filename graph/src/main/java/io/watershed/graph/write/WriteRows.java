package io.watershed.graph.write;

import io.watershed.graph.write.DatasetFacts.ColumnLineageEdge;
import io.watershed.graph.write.DatasetFacts.SymlinkRef;
import io.watershed.graph.write.LineageEvent.EventKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of one batch, by statement of {@link WriteCypher}. Rows about the same namespace, job, dataset or job-level
 * edge are merged here, before they reach Neo4j, by the same rules the Cypher applies (first/last times by min/max,
 * each facet from the latest event, ties to the larger JSON), so a batch of 500 events that mentions 300 datasets
 * 5,000 times sends 300 dataset rows. The merge is exact: writing the merged row gives the graph that writing every
 * row one by one would give.
 *
 * <p>Runs and dataset versions are merged per run id and version id too (a START and a COMPLETE in one batch are one
 * row), so every statement sees each node at most once. That lets the statements create a node's structural
 * relationships (namespace, job, dataset) only when they create the node, instead of re-matching them on every
 * event: {@code n.createdAt IS NULL} right after the MERGE means "no lineage write has touched this node yet".
 */
final class WriteRows {

  /** The facet whose content identifies a dataset's column lineage (see {@link WriteCypher#COLUMN_LINEAGE}). */
  static final String COLUMN_LINEAGE_FACET = "columnLineage";

  final Map<String, TimeSpan> namespaces = new LinkedHashMap<>();
  final Map<Key, Entity> jobs = new LinkedHashMap<>();
  final Map<Key, DatasetRow> datasets = new LinkedHashMap<>();
  final Map<EdgeKey, TimeSpan> jobReads = new LinkedHashMap<>();
  final Map<EdgeKey, TimeSpan> jobWrites = new LinkedHashMap<>();
  final Set<List<String>> jobParents = new LinkedHashSet<>();
  final Set<List<String>> symlinks = new LinkedHashSet<>();
  final Set<List<String>> jobOwners = new LinkedHashSet<>();
  final Set<List<String>> datasetOwners = new LinkedHashSet<>();
  final Map<String, RunRow> runs = new LinkedHashMap<>();
  final Map<String, ParentRun> parentRuns = new LinkedHashMap<>();
  final Map<List<String>, ZonedDateTime> runChildren = new LinkedHashMap<>();
  final Map<List<String>, ZonedDateTime> runReads = new LinkedHashMap<>();
  final Map<String, VersionRow> versions = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> qualityFacets = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> events = new LinkedHashMap<>();

  static WriteRows of(List<LineageEvent> events) {
    WriteRows rows = new WriteRows();
    events.forEach(rows::add);
    return rows;
  }

  /** Runs every statement that has rows, nodes first, then the relationships that MATCH them. */
  void writeTo(Statements tx) {
    run(tx, WriteCypher.NAMESPACES, namespaceRows());
    run(tx, WriteCypher.JOBS, entityRows(jobs));
    run(tx, WriteCypher.DATASETS, datasetRows());
    run(tx, WriteCypher.SCHEMA_FIELDS, schemaRows());
    run(tx, WriteCypher.RUNS, runRows());
    run(tx, WriteCypher.JOB_PARENTS, tupleRows(jobParents, "jobNamespace", "jobName", "parentNamespace", "parentName"));
    run(tx, WriteCypher.PARENT_RUNS, parentRunRows());
    run(tx, WriteCypher.RUN_CHILD_OF, timedTupleRows(runChildren, "runId", "parentRunId"));
    run(tx, WriteCypher.JOB_READS, edgeRows(jobReads));
    run(tx, WriteCypher.RUN_READS, timedTupleRows(runReads, "runId", "namespace", "name"));
    run(tx, WriteCypher.JOB_WRITES, edgeRows(jobWrites));
    run(tx, WriteCypher.VERSIONS, versionRows());
    run(tx, WriteCypher.COLUMN_LINEAGE, columnLineageRows());
    run(tx, WriteCypher.SYMLINKS, tupleRows(symlinks, "namespace", "name", "targetNamespace", "targetName", "type"));
    run(tx, WriteCypher.JOB_OWNERS, tupleRows(jobOwners, "namespace", "name", "owner", "type"));
    run(tx, WriteCypher.DATASET_OWNERS, tupleRows(datasetOwners, "namespace", "name", "owner", "type"));
    run(tx, WriteCypher.QUALITY_FACETS, new ArrayList<>(qualityFacets.values()));
    run(tx, WriteCypher.EVENTS, new ArrayList<>(events.values()));
  }

  /** Where the rows go: one Cypher statement with {@code $rows}, inside the batch's transaction. */
  @FunctionalInterface
  interface Statements {
    void run(String cypher, Map<String, Object> parameters);
  }

  private static void run(Statements tx, String cypher, List<Map<String, Object>> rows) {
    if (!rows.isEmpty()) {
      tx.run(cypher, Map.of("rows", rows));
    }
  }

  // ---- flattening one event ------------------------------------------------------------------------------------

  private void add(LineageEvent e) {
    ZonedDateTime t = e.eventTime();
    String runId = e.run() == null ? null : e.run().runId();
    if (e.job() != null) {
      addJob(e.job().namespace(), e.job().name(), e.job().facets(), t);
      e.job().owners().forEach(o -> jobOwners.add(ownerTuple(e.job().namespace(), e.job().name(), o)));
    }
    if (e.run() != null && e.job() != null) {
      runs.computeIfAbsent(runId, id -> new RunRow(e.job().namespace(), e.job().name())).offer(e);
      RunFacts.ParentRef parent = e.run().parent();
      if (parent != null) {
        addJob(parent.jobNamespace(), parent.jobName(), FacetMap.EMPTY, t);
        jobParents.add(List.of(e.job().namespace(), e.job().name(), parent.jobNamespace(), parent.jobName()));
        if (parent.runId() != null) {
          parentRuns
              .computeIfAbsent(parent.runId(), id -> new ParentRun(parent.jobNamespace(), parent.jobName()))
              .span(t);
          runChildren.merge(List.of(runId, parent.runId()), t, WriteRows::earlier);
        }
      }
    }
    for (DatasetFacts in : e.inputs()) {
      addDataset(in, false, t);
      if (e.job() != null) {
        span(jobReads, new EdgeKey(e.job().namespace(), e.job().name(), in.namespace(), in.name()), t);
        if (runId != null) {
          runReads.merge(List.of(runId, in.namespace(), in.name()), t, WriteRows::earlier);
        }
      }
      addIoFacets(e, in, "input", runId);
    }
    for (DatasetFacts out : e.outputs()) {
      addDataset(out, e.marksOutputsUpdated(), t);
      if (e.job() != null) {
        span(jobWrites, new EdgeKey(e.job().namespace(), e.job().name(), out.namespace(), out.name()), t);
      }
      if (runId != null) {
        addVersion(e, out, runId);
      }
      addIoFacets(e, out, "output", runId);
    }
    if (e.dataset() != null) {
      addDataset(e.dataset(), e.marksOutputsUpdated(), t);
      if (e.kind() == EventKind.DATASET_EVENT) {
        addVersion(e, e.dataset(), null);
      }
    }
    if (events.containsKey(e.eventId())) {
      return; // the same event twice in one batch: its id says it is the same content
    }
    Map<String, Object> ev = new HashMap<>();
    ev.put("eventId", e.eventId());
    ev.put("kind", e.kind().specName());
    ev.put("eventType", e.eventType());
    ev.put("eventTime", t);
    ev.put("producer", e.producer());
    ev.put("schemaURL", e.schemaUrl());
    ev.put("runId", runId);
    ev.put("jobNamespace", e.job() == null ? null : e.job().namespace());
    ev.put("jobName", e.job() == null ? null : e.job().name());
    ev.put("receivedAt", e.receivedAt());
    ev.put("payload", e.payload().stored());
    events.put(e.eventId(), ev);
  }

  private void addJob(String namespace, String name, FacetMap facets, ZonedDateTime t) {
    span(namespaces, namespace, t);
    jobs.computeIfAbsent(new Key(namespace, name), k -> new Entity()).offer(facets, t);
  }

  private void addDataset(DatasetFacts d, boolean modified, ZonedDateTime t) {
    span(namespaces, d.namespace(), t);
    DatasetRow row = datasets.computeIfAbsent(new Key(d.namespace(), d.name()), k -> new DatasetRow());
    row.offer(d, modified, t);
    for (SymlinkRef link : d.symlinks()) {
      addDataset(DatasetFacts.reference(link.namespace(), link.name()), false, t);
      symlinks.add(List.of(d.namespace(), d.name(), link.namespace(), link.name(), link.type() == null ? "" : link.type()));
    }
    d.owners().forEach(o -> datasetOwners.add(ownerTuple(d.namespace(), d.name(), o)));
    for (ColumnLineageEdge edge : d.columnLineage()) {
      if (!edge.inputNamespace().equals(d.namespace()) || !edge.inputName().equals(d.name())) {
        addDataset(DatasetFacts.reference(edge.inputNamespace(), edge.inputName()), false, t);
      }
    }
  }

  private void addVersion(LineageEvent e, DatasetFacts d, String runId) {
    String versionId = LineageWriter.versionId(d.namespace(), d.name(), runId != null ? runId : e.eventId());
    versions.computeIfAbsent(versionId, id -> new VersionRow(d.namespace(), d.name(), runId)).offer(e, d);
  }

  private void addIoFacets(LineageEvent e, DatasetFacts d, String side, String runId) {
    d.ioFacets()
        .json()
        .forEach(
            (facet, json) -> {
              Map<String, Object> q = new HashMap<>();
              q.put("id", e.eventId() + '/' + side + '/' + d.namespace() + '/' + d.name() + '/' + facet);
              q.put("namespace", d.namespace());
              q.put("name", d.name());
              q.put("runId", runId);
              q.put("facet", facet);
              q.put("json", json);
              q.put("eventTime", e.eventTime());
              q.put("eventType", e.eventType());
              q.put("side", side);
              qualityFacets.put((String) q.get("id"), q);
            });
  }

  private static List<String> ownerTuple(String namespace, String name, OwnerRef owner) {
    return List.of(namespace, name, owner.name(), owner.type() == null ? "" : owner.type());
  }

  private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
    return b.isBefore(a) ? b : a;
  }

  private static <K> void span(Map<K, TimeSpan> spans, K key, ZonedDateTime t) {
    TimeSpan s = spans.get(key);
    spans.put(key, s == null ? new TimeSpan(t, t) : s.with(t));
  }

  // ---- rows as parameters --------------------------------------------------------------------------------------

  private List<Map<String, Object>> namespaceRows() {
    List<Map<String, Object>> out = new ArrayList<>(namespaces.size());
    namespaces.forEach(
        (name, span) -> {
          Map<String, Object> row = span.params();
          row.put("name", name);
          out.add(row);
        });
    return out;
  }

  private static List<Map<String, Object>> entityRows(Map<Key, ? extends Entity> entities) {
    List<Map<String, Object>> out = new ArrayList<>(entities.size());
    entities.forEach((key, entity) -> out.add(entity.params(key)));
    return out;
  }

  private List<Map<String, Object>> datasetRows() {
    List<Map<String, Object>> out = new ArrayList<>(datasets.size());
    datasets.forEach((key, d) -> out.add(d.datasetParams(key)));
    return out;
  }

  private List<Map<String, Object>> schemaRows() {
    List<Map<String, Object>> out = new ArrayList<>();
    datasets.forEach(
        (key, d) -> {
          if (d.schema != null) {
            List<Map<String, Object>> fields = new ArrayList<>(d.schema.fields.size());
            for (DatasetFacts.FieldFacts f : d.schema.fields) {
              Map<String, Object> field = new HashMap<>();
              field.put("name", f.name());
              field.put("type", f.type());
              field.put("description", f.description());
              fields.add(field);
            }
            Map<String, Object> row = key.params();
            row.put("digest", d.schema.digest);
            row.put("fields", fields);
            out.add(row);
          }
        });
    return out;
  }

  private List<Map<String, Object>> columnLineageRows() {
    List<Map<String, Object>> out = new ArrayList<>();
    datasets.forEach(
        (key, d) -> {
          if (d.columnLineage != null) {
            List<Map<String, Object>> edges = new ArrayList<>(d.columnLineage.edges().size());
            for (ColumnLineageEdge edge : d.columnLineage.edges()) {
              Map<String, Object> c = new HashMap<>();
              c.put("field", edge.outputField());
              c.put("inNamespace", edge.inputNamespace());
              c.put("inName", edge.inputName());
              c.put("inField", edge.inputField());
              c.put("transformations", edge.transformationsJson());
              edges.add(c);
            }
            Map<String, Object> row = key.params();
            row.put("digest", d.columnLineage.digest());
            row.put("edges", edges);
            out.add(row);
          }
        });
    return out;
  }

  private static List<Map<String, Object>> edgeRows(Map<EdgeKey, TimeSpan> edges) {
    List<Map<String, Object>> out = new ArrayList<>(edges.size());
    edges.forEach(
        (key, span) -> {
          Map<String, Object> row = span.params();
          row.put("jobNamespace", key.jobNamespace());
          row.put("jobName", key.jobName());
          row.put("namespace", key.namespace());
          row.put("name", key.name());
          out.add(row);
        });
    return out;
  }

  private List<Map<String, Object>> runRows() {
    List<Map<String, Object>> out = new ArrayList<>(runs.size());
    runs.forEach((runId, run) -> out.add(run.runParams(runId)));
    return out;
  }

  private List<Map<String, Object>> parentRunRows() {
    List<Map<String, Object>> out = new ArrayList<>(parentRuns.size());
    parentRuns.forEach(
        (runId, parent) -> {
          Map<String, Object> row = parent.span.params();
          row.put("runId", runId);
          row.put("jobNamespace", parent.jobNamespace);
          row.put("jobName", parent.jobName);
          out.add(row);
        });
    return out;
  }

  private List<Map<String, Object>> versionRows() {
    List<Map<String, Object>> out = new ArrayList<>(versions.size());
    versions.forEach((versionId, version) -> out.add(version.versionParams(versionId)));
    return out;
  }

  /** Rows of tuples that keep the earliest event time that named them. */
  private static List<Map<String, Object>> timedTupleRows(Map<List<String>, ZonedDateTime> tuples, String... names) {
    List<Map<String, Object>> out = new ArrayList<>(tuples.size());
    tuples.forEach(
        (tuple, t) -> {
          Map<String, Object> row = new HashMap<>();
          for (int i = 0; i < names.length; i++) {
            row.put(names[i], tuple.get(i));
          }
          row.put("eventTime", t);
          out.add(row);
        });
    return out;
  }

  private static List<Map<String, Object>> tupleRows(Set<List<String>> tuples, String... names) {
    List<Map<String, Object>> out = new ArrayList<>(tuples.size());
    for (List<String> tuple : tuples) {
      Map<String, Object> row = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        row.put(names[i], tuple.get(i));
      }
      out.add(row);
    }
    return out;
  }

  // ---- merge rules ---------------------------------------------------------------------------------------------

  /**
   * Whether a value from time {@code t} replaces one from {@code current}: a later event wins; at the same time the
   * larger JSON wins, compared by code point as Cypher compares strings, so the outcome never depends on order.
   */
  static boolean wins(ZonedDateTime t, String json, ZonedDateTime currentTime, String currentJson) {
    int byTime = t.compareTo(currentTime);
    return byTime > 0 || (byTime == 0 && compareCodePoints(json, currentJson) > 0);
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Content digest of a facet or schema: lets the graph skip re-materialising what it already holds. */
  static String digest(String json) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  record Key(String namespace, String name) {
    Map<String, Object> params() {
      Map<String, Object> row = new HashMap<>();
      row.put("namespace", namespace);
      row.put("name", name);
      return row;
    }
  }

  record EdgeKey(String jobNamespace, String jobName, String namespace, String name) {}

  /** First and last event time of everything merged into a row. */
  record TimeSpan(ZonedDateTime min, ZonedDateTime max) {
    TimeSpan with(ZonedDateTime t) {
      return new TimeSpan(t.isBefore(min) ? t : min, t.isAfter(max) ? t : max);
    }

    Map<String, Object> params() {
      Map<String, Object> row = new HashMap<>();
      row.put("minTime", min);
      row.put("maxTime", max);
      return row;
    }
  }

  record FacetValue(String json, ZonedDateTime time, Map<String, Object> derived) {}

  /** A job or dataset: its time span and, per facet key, the facet of the latest event. */
  static class Entity {
    TimeSpan span;
    final Map<String, FacetValue> facets = new HashMap<>();

    /** Offers a facet; returns true when it is now the winner for its key. */
    boolean offer(String key, String json, Map<String, Object> derived, ZonedDateTime t) {
      FacetValue current = facets.get(key);
      if (current == null || wins(t, json, current.time(), current.json())) {
        facets.put(key, new FacetValue(json, t, derived));
        return true;
      }
      return false;
    }

    void offer(FacetMap facetMap, ZonedDateTime t) {
      span = span == null ? new TimeSpan(t, t) : span.with(t);
      facetMap.json().forEach((k, json) -> offer(k, json, facetMap.derived().getOrDefault(k, Map.of()), t));
    }

    Map<String, Object> params(Key key) {
      Map<String, Object> row = key.params();
      putFacets(row);
      return row;
    }

    /** Times and the winning facets, as the facet merge of {@link WriteCypher} reads them. */
    void putFacets(Map<String, Object> row) {
      row.putAll(span.params());
      Map<String, Object> json = new HashMap<>();
      Map<String, Object> times = new HashMap<>();
      Map<String, Object> derived = new HashMap<>();
      facets.forEach(
          (k, f) -> {
            json.put(k, f.json());
            times.put(k, f.time());
            if (!f.derived().isEmpty()) {
              derived.put(k, new HashMap<>(f.derived()));
            }
          });
      row.put("facets", json);
      row.put("facetTimes", times);
      row.put("derived", derived);
    }
  }

  /**
   * A run: its job (as first named), times, the START time, and the state that wins by rank, then time, then name
   * (a late START never reopens a finished run).
   */
  static final class RunRow extends Entity {
    final String jobNamespace;
    final String jobName;
    ZonedDateTime startTime;
    String state;
    int rank;
    ZonedDateTime stateTime;

    RunRow(String jobNamespace, String jobName) {
      this.jobNamespace = jobNamespace;
      this.jobName = jobName;
    }

    void offer(LineageEvent e) {
      ZonedDateTime t = e.eventTime();
      offer(e.run().facets(), t);
      String type = e.eventType();
      if ("START".equals(type) && (startTime == null || t.isBefore(startTime))) {
        startTime = t;
      }
      if (type != null) {
        int r = LineageWriter.rank(type);
        if (state == null
            || r > rank
            || (r == rank && (t.compareTo(stateTime) > 0 || (t.isEqual(stateTime) && compareCodePoints(type, state) > 0)))) {
          state = type;
          rank = r;
          stateTime = t;
        }
      }
    }

    Map<String, Object> runParams(String runId) {
      Map<String, Object> row = new HashMap<>();
      putFacets(row);
      row.put("runId", runId);
      row.put("jobNamespace", jobNamespace);
      row.put("jobName", jobName);
      row.put("startTime", startTime);
      row.put("state", state);
      row.put("rank", state == null ? null : rank);
      row.put("stateTime", stateTime);
      return row;
    }
  }

  /** A parent run named by its children's {@code parent} facets (it may not have reported itself yet). */
  static final class ParentRun {
    final String jobNamespace;
    final String jobName;
    TimeSpan span;

    ParentRun(String jobNamespace, String jobName) {
      this.jobNamespace = jobNamespace;
      this.jobName = jobName;
    }

    void span(ZonedDateTime t) {
      span = span == null ? new TimeSpan(t, t) : span.with(t);
    }
  }

  /** A dataset version: one per (dataset, run), or per DatasetEvent. */
  static final class VersionRow extends Entity {
    final String namespace;
    final String name;
    final String runId;
    ZonedDateTime completedTime;
    String schema;
    ZonedDateTime schemaTime;

    VersionRow(String namespace, String name, String runId) {
      this.namespace = namespace;
      this.name = name;
      this.runId = runId;
    }

    void offer(LineageEvent e, DatasetFacts d) {
      ZonedDateTime t = e.eventTime();
      offer(d.facets().plus(d.ioFacets()), t);
      if (e.marksOutputsUpdated() && (completedTime == null || t.isAfter(completedTime))) {
        completedTime = t;
      }
      if (d.schemaJson() != null && (schema == null || wins(t, d.schemaJson(), schemaTime, schema))) {
        schema = d.schemaJson();
        schemaTime = t;
      }
    }

    Map<String, Object> versionParams(String versionId) {
      Map<String, Object> row = new HashMap<>();
      putFacets(row);
      row.put("versionId", versionId);
      row.put("namespace", namespace);
      row.put("name", name);
      row.put("runId", runId);
      row.put("completedTime", completedTime);
      row.put("schema", schema);
      row.put("schemaTime", schemaTime);
      return row;
    }
  }

  /** A dataset adds the last successful update, the latest schema and the column lineage of its latest facet. */
  static final class DatasetRow extends Entity {
    ZonedDateTime modifiedTime;
    Schema schema;
    ColumnLineage columnLineage;

    void offer(DatasetFacts d, boolean modified, ZonedDateTime t) {
      offer(d.facets(), t);
      if (modified && (modifiedTime == null || t.isAfter(modifiedTime))) {
        modifiedTime = t;
      }
      if (d.schemaJson() != null && (schema == null || wins(t, d.schemaJson(), schema.time, schema.json))) {
        schema = new Schema(d.schemaJson(), t, digest(d.schemaJson()), d.schema() == null ? List.of() : d.schema());
      }
      String clJson = d.facets().json().get(COLUMN_LINEAGE_FACET);
      if (clJson != null || !d.columnLineage().isEmpty()) {
        // The digest identifies the lineage: of the facet as sent, or of its edges when only those are known.
        String clDigest = digest(clJson != null ? clJson : d.columnLineage().toString());
        if (columnLineage == null || wins(t, clDigest, columnLineage.time, columnLineage.digest)) {
          columnLineage = new ColumnLineage(t, clDigest, d.columnLineage());
        }
      }
    }

    Map<String, Object> datasetParams(Key key) {
      Map<String, Object> row = params(key);
      row.put("modifiedTime", modifiedTime);
      row.put("schema", schema == null ? null : schema.json);
      row.put("schemaTime", schema == null ? null : schema.time);
      row.put("schemaDigest", schema == null ? null : schema.digest);
      row.put("columnLineageTime", columnLineage == null ? null : columnLineage.time);
      row.put("columnLineageDigest", columnLineage == null ? null : columnLineage.digest);
      return row;
    }
  }

  record Schema(String json, ZonedDateTime time, String digest, List<DatasetFacts.FieldFacts> fields) {}

  /** The column lineage of the latest event that carried some, with the digest that identifies it. */
  record ColumnLineage(ZonedDateTime time, String digest, List<ColumnLineageEdge> edges) {}
}
