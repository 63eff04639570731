package io.watershed.graph.write;

import io.watershed.graph.write.DatasetFacts.ColumnLineageEdge;
import io.watershed.graph.write.DatasetFacts.FieldFacts;
import io.watershed.graph.write.WriteRows.EdgeKey;
import io.watershed.graph.write.WriteRows.Entity;
import io.watershed.graph.write.WriteRows.Key;
import io.watershed.graph.write.WriteRows.TimeSpan;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Writes a batch's rows with Neo4j's Java API, for the embedded database: the same graph, by the same rules, as the
 * {@link WriteCypher} statements give over Bolt (the convergence tests compare the two), at a fraction of the cost.
 *
 * <p>Why not Cypher in-process too: each write statement is an {@code UNWIND} of MERGEs whose per-row work the
 * interpreted runtime spends mostly on its own machinery (the facet merge's {@code FOREACH} over dynamic property
 * keys, re-seeking the same Dataset by index in eight statements). Here a node is found once per transaction and
 * kept; a facet merge is a few property reads.
 *
 * <p>One difference from a Cypher MERGE: a node is looked up, then created when missing, so another transaction (the
 * ingest writer is one thread, but the quality module also creates datasets) may create the same key in between.
 * Neo4j's key constraint then makes this transaction wait for the other and fail on the key; {@link
 * io.watershed.graph.neo4j.InProcessTransactions} retries it, and the retry finds the other's node.
 *
 * <p>Steps run in the order of the statements in {@link WriteRows#writeTo}, each timed under the statement's name.
 */
final class CoreApiWriter {

  /** Times one step under the name of the statement it stands for. */
  @FunctionalInterface
  interface StepTimer {
    void time(String statement, Runnable step);
  }

  private static final Label NAMESPACE = Label.label("Namespace");
  private static final Label JOB = Label.label("Job");
  private static final Label DATASET = Label.label("Dataset");
  private static final Label FIELD = Label.label("Field");
  private static final Label RUN = Label.label("Run");
  private static final Label VERSION = Label.label("DatasetVersion");
  private static final Label OWNER = Label.label("Owner");
  private static final Label QUALITY_FACET = Label.label("QualityFacet");
  private static final Label EVENT = Label.label("Event");

  private static final RelationshipType IN_NAMESPACE = RelationshipType.withName("IN_NAMESPACE");
  private static final RelationshipType FIELD_OF = RelationshipType.withName("FIELD_OF");
  private static final RelationshipType RUN_OF = RelationshipType.withName("RUN_OF");
  private static final RelationshipType CHILD_OF = RelationshipType.withName("CHILD_OF");
  private static final RelationshipType READS = RelationshipType.withName("READS");
  private static final RelationshipType READ = RelationshipType.withName("READ");
  private static final RelationshipType WRITES = RelationshipType.withName("WRITES");
  private static final RelationshipType VERSION_OF = RelationshipType.withName("VERSION_OF");
  private static final RelationshipType PRODUCED = RelationshipType.withName("PRODUCED");
  private static final RelationshipType DERIVES_FROM = RelationshipType.withName("DERIVES_FROM");
  private static final RelationshipType SYMLINK_OF = RelationshipType.withName("SYMLINK_OF");
  private static final RelationshipType OWNS = RelationshipType.withName("OWNS");
  private static final RelationshipType ABOUT = RelationshipType.withName("ABOUT");
  private static final RelationshipType ABOUT_RUN = RelationshipType.withName("ABOUT_RUN");

  /** For {@link #byKey}: a node made with its key alone. */
  private static final Consumer<Node> NO_MORE_PROPERTIES = n -> {};

  private final Transaction tx;
  private final WriteRows rows;
  // Nodes found or made in this transaction, so each is looked up in its index once.
  private final Map<String, Node> namespaces = new HashMap<>();
  private final Map<Key, Node> jobs = new HashMap<>();
  private final Map<Key, Node> datasets = new HashMap<>();
  private final Map<String, Node> runs = new HashMap<>();
  private final Map<String, Node> owners = new HashMap<>();
  private final Map<String, Node> versions = new HashMap<>();

  private CoreApiWriter(Transaction tx, WriteRows rows) {
    this.tx = tx;
    this.rows = rows;
  }

  /** Writes every row of {@code rows} in {@code tx}; the caller commits. */
  static void write(Transaction tx, WriteRows rows, StepTimer timer) {
    new CoreApiWriter(tx, rows).writeAll(timer);
  }

  private void writeAll(StepTimer timer) {
    step(timer, "NAMESPACES", !rows.namespaces.isEmpty(), this::namespaces);
    step(timer, "JOBS", !rows.jobs.isEmpty(), this::jobs);
    step(timer, "DATASETS", !rows.datasets.isEmpty(), this::datasets);
    step(timer, "SCHEMA_FIELDS", !rows.datasets.isEmpty(), this::schemaFields);
    step(timer, "RUNS", !rows.runs.isEmpty(), this::runs);
    step(timer, "JOB_PARENTS", !rows.jobParents.isEmpty(), this::jobParents);
    step(timer, "PARENT_RUNS", !rows.parentRuns.isEmpty(), this::parentRuns);
    step(timer, "RUN_CHILD_OF", !rows.runChildren.isEmpty(), this::runChildren);
    step(timer, "JOB_READS", !rows.jobReads.isEmpty(), () -> jobEdges(rows.jobReads, READS));
    step(timer, "RUN_READS", !rows.runReads.isEmpty(), this::runReads);
    step(timer, "JOB_WRITES", !rows.jobWrites.isEmpty(), () -> jobEdges(rows.jobWrites, WRITES));
    step(timer, "VERSIONS", !rows.versions.isEmpty(), this::versions);
    step(timer, "COLUMN_LINEAGE", !rows.datasets.isEmpty(), this::columnLineage);
    step(timer, "SYMLINKS", !rows.symlinks.isEmpty(), this::symlinks);
    step(timer, "JOB_OWNERS", !rows.jobOwners.isEmpty(), () -> owners(rows.jobOwners, JOB));
    step(timer, "DATASET_OWNERS", !rows.datasetOwners.isEmpty(), () -> owners(rows.datasetOwners, DATASET));
    step(timer, "QUALITY_FACETS", !rows.qualityFacets.isEmpty(), this::qualityFacets);
    step(timer, "EVENTS", !rows.events.isEmpty(), this::events);
  }

  private static void step(StepTimer timer, String statement, boolean hasRows, Runnable step) {
    if (hasRows) {
      timer.time(statement, step);
    }
  }

  // ---- nodes ---------------------------------------------------------------------------------------------------

  private void namespaces() {
    rows.namespaces.forEach((name, span) -> touchTimes(namespace(name, true), span));
  }

  private void jobs() {
    rows.jobs.forEach(
        (key, row) -> {
          Node n = keyed(jobs, JOB, key, true);
          boolean created = untouched(n);
          touchTimes(n, row.span);
          mergeFacets(n, row);
          if (created) {
            linkToNamespace(n, key.namespace());
          }
        });
  }

  private void datasets() {
    rows.datasets.forEach(
        (key, row) -> {
          Node n = keyed(datasets, DATASET, key, true);
          boolean created = untouched(n);
          touchTimes(n, row.span);
          mergeFacets(n, row);
          if (row.modifiedTime != null && isAfter(row.modifiedTime, time(n, "lastModifiedAt"))) {
            n.setProperty("lastModifiedAt", row.modifiedTime);
          }
          if (row.schema != null && wins(row.schema.time(), row.schema.json(), n, "schemaTime", "schema")) {
            n.setProperty("schema", row.schema.json());
            n.setProperty("schemaTime", row.schema.time());
            n.setProperty("schemaDigest", row.schema.digest());
          }
          if (row.columnLineage != null
              && wins(row.columnLineage.time(), row.columnLineage.digest(), n,
                  "columnLineageTime", "columnLineageDigest")) {
            n.setProperty("columnLineageDigest", row.columnLineage.digest());
            n.setProperty("columnLineageTime", row.columnLineage.time());
          }
          if (created) {
            linkToNamespace(n, key.namespace());
          }
        });
  }

  /** The fields of a dataset's current schema, only where the fields show another schema (see SCHEMA_FIELDS). */
  private void schemaFields() {
    rows.datasets.forEach(
        (key, row) -> {
          if (row.schema == null) {
            return;
          }
          Node d = toRebuild(key, row.schema.digest(), "schemaDigest", "fieldsDigest");
          if (d == null) {
            return;
          }
          Set<String> current = new HashSet<>();
          for (FieldFacts f : row.schema.fields()) {
            Node field = mergeField(key.namespace(), key.name(), f.name());
            set(field, "type", f.type());
            set(field, "description", f.description());
            field.setProperty("inSchema", true);
            mergeRelationship(field, FIELD_OF, d);
            current.add(f.name());
          }
          for (Relationship r : d.getRelationships(Direction.INCOMING, FIELD_OF)) {
            Node old = r.getStartNode();
            if (old.hasLabel(FIELD)
                && Boolean.TRUE.equals(old.getProperty("inSchema", null))
                && !current.contains(text(old, "name"))) {
              old.setProperty("inSchema", false);
            }
          }
        });
  }

  private void runs() {
    rows.runs.forEach(
        (runId, row) -> {
          Node n = mergeRun(runId, row.jobNamespace, row.jobName, row.span);
          if (row.startTime != null && isBefore(row.startTime, time(n, "startedAt"))) {
            n.setProperty("startedAt", row.startTime);
          }
          if (row.state != null && stateWins(n, row)) {
            n.setProperty("state", row.state);
            n.setProperty("stateRank", (long) row.rank);
            n.setProperty("stateTime", row.stateTime);
          }
          Object rank = n.getProperty("stateRank", null);
          set(n, "endedAt", rank instanceof Long r && r == 2 ? n.getProperty("stateTime", null) : null);
          mergeFacets(n, row);
        });
  }

  /** The state machine of RUNS: a higher rank wins, then a later time, then the larger state name. */
  private static boolean stateWins(Node n, WriteRows.RunRow row) {
    Object currentRank = n.getProperty("stateRank", null);
    if (currentRank == null) {
      return true;
    }
    long rank = ((Number) currentRank).longValue();
    if (row.rank != rank) {
      return row.rank > rank;
    }
    return wins(row.stateTime, row.state, n, "stateTime", "state");
  }

  private void parentRuns() {
    rows.parentRuns.forEach((runId, parent) -> mergeRun(runId, parent.jobNamespace, parent.jobName, parent.span));
  }

  /** MERGE_RUN: a run by id, its job named (and linked) when it is created, its first and last event times. */
  private Node mergeRun(String runId, String jobNamespace, String jobName, TimeSpan span) {
    Node n =
        byKey(
            runs,
            RUN,
            "runId",
            runId,
            created -> {
              set(created, "jobNamespace", jobNamespace);
              set(created, "jobName", jobName);
            });
    boolean created = untouched(n);
    touchTimes(n, span);
    if (created) {
      Node job = keyed(jobs, JOB, new Key(jobNamespace, jobName), false);
      if (job != null) {
        n.createRelationshipTo(job, RUN_OF);
      }
    }
    return n;
  }

  private void versions() {
    rows.versions.forEach(
        (versionId, row) -> {
          Node n =
              byKey(
                  versions,
                  VERSION,
                  "versionId",
                  versionId,
                  created -> {
                    created.setProperty("namespace", row.namespace);
                    created.setProperty("name", row.name);
                    set(created, "runId", row.runId);
                  });
          boolean created = untouched(n);
          touchTimes(n, row.span);
          if (row.completedTime != null && isAfter(row.completedTime, time(n, "completedAt"))) {
            n.setProperty("completedAt", row.completedTime);
          }
          if (row.schema != null && wins(row.schemaTime, row.schema, n, "schemaTime", "schema")) {
            n.setProperty("schema", row.schema);
            n.setProperty("schemaTime", row.schemaTime);
          }
          mergeFacets(n, row);
          if (created) {
            Node d = keyed(datasets, DATASET, new Key(row.namespace, row.name), false);
            if (d != null) {
              n.createRelationshipTo(d, VERSION_OF);
              Node run = row.runId == null ? null : run(row.runId);
              if (run != null) {
                run.createRelationshipTo(n, PRODUCED);
              }
            }
          }
        });
  }

  // ---- relationships -------------------------------------------------------------------------------------------

  private void jobParents() {
    for (List<String> t : rows.jobParents) {
      Node child = keyed(jobs, JOB, new Key(t.get(0), t.get(1)), false);
      Node parent = keyed(jobs, JOB, new Key(t.get(2), t.get(3)), false);
      if (child != null && parent != null) {
        mergeRelationship(child, CHILD_OF, parent);
      }
    }
  }

  private void runChildren() {
    rows.runChildren.forEach(
        (t, time) -> {
          Node run = run(t.get(0));
          Node parent = run(t.get(1));
          if (run != null && parent != null) {
            mergeRelationship(run, CHILD_OF, parent);
          }
        });
  }

  /** JOB_READS and JOB_WRITES: one edge per job and dataset, with the first and last time it was seen. */
  private void jobEdges(Map<EdgeKey, TimeSpan> edges, RelationshipType type) {
    edges.forEach(
        (key, span) -> {
          Node d = keyed(datasets, DATASET, new Key(key.namespace(), key.name()), false);
          Node j = keyed(jobs, JOB, new Key(key.jobNamespace(), key.jobName()), false);
          if (d == null || j == null) {
            return;
          }
          Relationship e = mergeRelationship(j, type, d);
          if (isBefore(span.min(), time(e, "firstSeen"))) {
            e.setProperty("firstSeen", span.min());
          }
          if (isAfter(span.max(), time(e, "lastSeen"))) {
            e.setProperty("lastSeen", span.max());
          }
        });
  }

  private void runReads() {
    rows.runReads.forEach(
        (t, time) -> {
          Node d = keyed(datasets, DATASET, new Key(t.get(1), t.get(2)), false);
          Node r = run(t.get(0));
          if (d == null || r == null) {
            return;
          }
          Relationship x = mergeRelationship(r, READ, d);
          if (isBefore(time, time(x, "eventTime"))) {
            x.setProperty("eventTime", time);
          }
        });
  }

  /**
   * COLUMN_LINEAGE: where the lineage that won is not the one the edges show, the old edges go (with the fields only
   * they had made) and the new ones are made.
   */
  private void columnLineage() {
    rows.datasets.forEach(
        (key, row) -> {
          if (row.columnLineage == null) {
            return;
          }
          Node d = toRebuild(key, row.columnLineage.digest(), "columnLineageDigest", "columnLineageEdges");
          if (d == null) {
            return;
          }
          removeColumnLineage(d);
          for (ColumnLineageEdge e : row.columnLineage.edges()) {
            Node src = keyed(datasets, DATASET, new Key(e.inputNamespace(), e.inputName()), false);
            if (src == null) {
              continue;
            }
            Node out = mergeField(key.namespace(), key.name(), e.outputField());
            mergeRelationship(out, FIELD_OF, d);
            Node in = mergeField(e.inputNamespace(), e.inputName(), e.inputField());
            mergeRelationship(in, FIELD_OF, src);
            set(mergeRelationship(out, DERIVES_FROM, in), "transformations", e.transformationsJson());
          }
        });
  }

  /**
   * The dataset when the row's {@code digest} is the one that won ({@code wonKey}) but its fields or edges still show
   * another ({@code shownKey}); they are about to be rebuilt, so {@code shownKey} takes the digest. Else null.
   */
  private Node toRebuild(Key key, String digest, String wonKey, String shownKey) {
    Node d = keyed(datasets, DATASET, key, false);
    if (d == null || !digest.equals(text(d, wonKey)) || digest.equals(text(d, shownKey))) {
      return null;
    }
    d.setProperty(shownKey, digest);
    return d;
  }

  private static void removeColumnLineage(Node d) {
    Set<Node> touched = new LinkedHashSet<>();
    for (Relationship fieldOf : list(d.getRelationships(Direction.INCOMING, FIELD_OF))) {
      Node out = fieldOf.getStartNode();
      if (!out.hasLabel(FIELD)) {
        continue;
      }
      for (Relationship old : list(out.getRelationships(Direction.OUTGOING, DERIVES_FROM))) {
        Node in = old.getEndNode();
        if (in.hasLabel(FIELD)) {
          touched.add(out);
          touched.add(in);
          old.delete();
        }
      }
    }
    for (Node f : touched) {
      if (f.getProperty("inSchema", null) == null && !f.hasRelationship(DERIVES_FROM)) {
        list(f.getRelationships()).forEach(Relationship::delete);
        f.delete();
      }
    }
  }

  /** A copy, so relationships can be deleted while going through them. */
  private static List<Relationship> list(Iterable<Relationship> relationships) {
    List<Relationship> out = new ArrayList<>();
    relationships.forEach(out::add);
    return out;
  }

  private void symlinks() {
    for (List<String> t : rows.symlinks) {
      Node d = keyed(datasets, DATASET, new Key(t.get(0), t.get(1)), false);
      Node target = keyed(datasets, DATASET, new Key(t.get(2), t.get(3)), false);
      if (d != null && target != null) {
        mergeTypedRelationship(d, SYMLINK_OF, target, t.get(4));
      }
    }
  }

  /** JOB_OWNERS and DATASET_OWNERS: the owner is made only when what it owns exists. */
  private void owners(Set<List<String>> tuples, Label ownedLabel) {
    Map<Key, Node> cache = ownedLabel == JOB ? jobs : datasets;
    for (List<String> t : tuples) {
      Node owned = keyed(cache, ownedLabel, new Key(t.get(0), t.get(1)), false);
      if (owned == null) {
        continue;
      }
      Node owner = byKey(owners, OWNER, "name", t.get(2), NO_MORE_PROPERTIES);
      mergeTypedRelationship(owner, OWNS, owned, t.get(3));
    }
  }

  // ---- write-once nodes ----------------------------------------------------------------------------------------

  private void qualityFacets() {
    for (Map<String, Object> row : rows.qualityFacets.values()) {
      if (tx.findNode(QUALITY_FACET, "id", row.get("id")) != null) {
        continue;
      }
      Node d = keyed(datasets, DATASET, new Key((String) row.get("namespace"), (String) row.get("name")), false);
      if (d == null) {
        continue;
      }
      Node q = tx.createNode(QUALITY_FACET);
      row.forEach((k, v) -> set(q, k, v));
      q.createRelationshipTo(d, ABOUT);
    }
  }

  private void events() {
    for (Map<String, Object> row : rows.events.values()) {
      if (tx.findNode(EVENT, "eventId", row.get("eventId")) != null) {
        continue;
      }
      Node e = tx.createNode(EVENT);
      row.forEach((k, v) -> set(e, k, v));
      String runId = (String) row.get("runId");
      Node run = runId == null ? null : run(runId);
      if (run != null) {
        e.createRelationshipTo(run, ABOUT_RUN);
      }
    }
  }

  // ---- shared rules --------------------------------------------------------------------------------------------

  /** No lineage write has touched the node yet (WriteRows: each node is in one row per statement). */
  private static boolean untouched(Node n) {
    return n.getProperty("createdAt", null) == null;
  }

  /** First and last event time of a merged row. */
  private static void touchTimes(Node n, TimeSpan span) {
    if (isBefore(span.min(), time(n, "createdAt"))) {
      n.setProperty("createdAt", span.min());
    }
    if (isAfter(span.max(), time(n, "updatedAt"))) {
      n.setProperty("updatedAt", span.max());
    }
  }

  /** Per facet key, the facet of the latest event wins (ties: the larger JSON); derived properties follow it. */
  private static void mergeFacets(Node n, Entity row) {
    row.facets.forEach(
        (k, f) -> {
          if (wins(f.time(), f.json(), n, "facetTime." + k, "facet." + k)) {
            n.setProperty("facet." + k, f.json());
            n.setProperty("facetTime." + k, f.time());
            f.derived().forEach((prop, value) -> set(n, prop, value));
          }
        });
  }

  /**
   * The Cypher rule {@code n[timeKey] IS NULL OR t > n[timeKey] OR (t = n[timeKey] AND value > n[valueKey])}; a
   * missing current value never loses a tie, as a comparison with null is not true in Cypher. The current value is
   * read only on a tie: it may be a large JSON document.
   */
  private static boolean wins(
      ZonedDateTime t, String value, org.neo4j.graphdb.Entity n, String timeKey, String valueKey) {
    ZonedDateTime current = time(n, timeKey);
    if (current == null) {
      return true;
    }
    int byTime = t.compareTo(current);
    if (byTime != 0) {
      return byTime > 0;
    }
    String currentValue = text(n, valueKey);
    return currentValue != null && WriteRows.compareCodePoints(value, currentValue) > 0;
  }

  private static boolean isBefore(ZonedDateTime t, ZonedDateTime current) {
    return current == null || t.compareTo(current) < 0;
  }

  private static boolean isAfter(ZonedDateTime t, ZonedDateTime current) {
    return current == null || t.compareTo(current) > 0;
  }

  private static ZonedDateTime time(org.neo4j.graphdb.Entity e, String key) {
    return (ZonedDateTime) e.getProperty(key, null);
  }

  private static String text(org.neo4j.graphdb.Entity e, String key) {
    Object v = e.getProperty(key, null);
    return v instanceof String s ? s : null;
  }

  /** Sets a property as Cypher's SET does: null removes it, integers are stored as 64-bit. */
  private static void set(org.neo4j.graphdb.Entity e, String key, Object value) {
    if (value == null) {
      e.removeProperty(key);
    } else if (value instanceof Integer i) {
      e.setProperty(key, i.longValue());
    } else {
      e.setProperty(key, value);
    }
  }

  private void linkToNamespace(Node n, String namespace) {
    Node ns = namespace(namespace, false);
    if (ns != null) {
      n.createRelationshipTo(ns, IN_NAMESPACE);
    }
  }

  private Node namespace(String name, boolean merge) {
    return byKey(namespaces, NAMESPACE, "name", name, merge ? NO_MORE_PROPERTIES : null);
  }

  /**
   * A node by its one-property key, from this transaction's cache or the index (MATCH); when missing and {@code
   * onCreate} is given, made with the key and whatever {@code onCreate} sets (MERGE ... ON CREATE SET).
   */
  private Node byKey(Map<String, Node> cache, Label label, String key, String value, Consumer<Node> onCreate) {
    Node n = cache.get(value);
    if (n == null) {
      n = tx.findNode(label, key, value);
      if (n == null && onCreate != null) {
        n = tx.createNode(label);
        n.setProperty(key, value);
        onCreate.accept(n);
      }
      if (n != null) {
        cache.put(value, n);
      }
    }
    return n;
  }

  /** A job or dataset by key: found (MATCH) or, with {@code merge}, made (MERGE). */
  private Node keyed(Map<Key, Node> cache, Label label, Key key, boolean merge) {
    Node n = cache.get(key);
    if (n == null) {
      n = first(tx.findNodes(label, "namespace", key.namespace(), "name", key.name()));
      if (n == null && merge) {
        n = tx.createNode(label);
        n.setProperty("namespace", key.namespace());
        n.setProperty("name", key.name());
      }
      if (n != null) {
        cache.put(key, n);
      }
    }
    return n;
  }

  private Node run(String runId) {
    return byKey(runs, RUN, "runId", runId, null);
  }

  /** The node a lookup by unique key found, or null. */
  private static Node first(ResourceIterator<Node> found) {
    try (found) {
      return found.hasNext() ? found.next() : null;
    }
  }

  /** A Field by key, made when missing. Not cached: column lineage deletes fields. */
  private Node mergeField(String namespace, String dataset, String name) {
    Node f = first(tx.findNodes(FIELD, "namespace", namespace, "dataset", dataset, "name", name));
    if (f == null) {
      f = tx.createNode(FIELD);
      f.setProperty("namespace", namespace);
      f.setProperty("dataset", dataset);
      f.setProperty("name", name);
    }
    return f;
  }

  /** MERGE (from)-[:type]->(to): the existing relationship, searched from the side with fewer of that type. */
  private static Relationship mergeRelationship(Node from, RelationshipType type, Node to) {
    Relationship found = find(from, type, to, null);
    return found != null ? found : from.createRelationshipTo(to, type);
  }

  /** MERGE (from)-[:type {type: kind}]->(to). */
  private static void mergeTypedRelationship(Node from, RelationshipType type, Node to, String kind) {
    if (find(from, type, to, kind) == null) {
      from.createRelationshipTo(to, type).setProperty("type", kind);
    }
  }

  private static Relationship find(Node from, RelationshipType type, Node to, String kind) {
    boolean fromSide = from.getDegree(type, Direction.OUTGOING) <= to.getDegree(type, Direction.INCOMING);
    Node start = fromSide ? from : to;
    Node other = fromSide ? to : from;
    for (Relationship r : start.getRelationships(fromSide ? Direction.OUTGOING : Direction.INCOMING, type)) {
      if (r.getOtherNode(start).equals(other) && (kind == null || Objects.equals(kind, r.getProperty("type", null)))) {
        return r;
      }
    }
    return null;
  }
}
