package io.watershed.graph.impact;

import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeId.NodeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * One downstream impact walk: a breadth-first search that expands a whole level with one query per kind of node,
 * keeps a parent pointer per visited node (so each answer comes with the path that explains it) and never
 * enumerates paths.
 *
 * <p>Three kinds of expansion: job-level ({@link Expansion#COARSE}) for datasets and jobs whose every column is
 * affected, column lineage ({@link Expansion#FIELDS}) for affected fields, and the readers of a dataset reached
 * through column lineage whose column use is unknown ({@link Expansion#UNTRACED_READERS}). Costs: a job-level
 * relationship counts 1, a column derivation 2 (it stands for the job's read and write), so depth means the same in
 * both modes. Levels are processed in order and cheaper steps first, so each node keeps its shortest distance.
 */
final class ImpactWalk {

  /** Safety cap on the rows one expansion query may return; reaching it counts as being cut by the node limit. */
  static final int MAX_ROWS_PER_QUERY = 100_000;

  enum Expansion {
    COARSE,
    FIELDS,
    UNTRACED_READERS
  }

  /** A visited node. */
  static final class Visit {
    final String elementId;
    final NodeId id;
    @Nullable final Visit parent;
    /** A job shown between the parent and this node on its path (the job carrying a column derivation). */
    @Nullable final NodeId via;

    final int distance;
    Precision precision;
    boolean coarseScheduled;
    final Set<String> fields = new TreeSet<>();

    Visit(String elementId, NodeId id, @Nullable Visit parent, @Nullable NodeId via, int distance, Precision p) {
      this.elementId = elementId;
      this.id = id;
      this.parent = parent;
      this.via = via;
      this.distance = distance;
      this.precision = p;
    }

    /** Node ids from the start of the walk to this node. */
    List<String> path() {
      List<String> reversed = new ArrayList<>();
      for (Visit v = this; v != null; v = v.parent) {
        reversed.add(v.id.toString());
        if (v.via != null) {
          reversed.add(v.via.toString());
        }
      }
      Collections.reverse(reversed);
      return reversed;
    }

    /** True when no job other than the start lies on the path: the change touches this node directly. */
    boolean direct() {
      for (Visit v = this; v != null; v = v.parent) {
        boolean start = v.parent == null;
        if (v.via != null || (!start && v.id.type() == NodeType.JOB)) {
          return false;
        }
      }
      return true;
    }
  }

  private final int maxDepth;
  private final int nodeLimit;
  final Map<String, Visit> visits = new LinkedHashMap<>();
  /** Every downstream edge seen between visited nodes, by element id; used to find a product's consumers. */
  private final Map<String, Set<String>> edges = new HashMap<>();

  private final TreeMap<Integer, Map<Expansion, LinkedHashSet<String>>> pending = new TreeMap<>();
  boolean cutByDepth;
  boolean cutByLimit;

  ImpactWalk(int maxDepth, int nodeLimit) {
    this.maxDepth = maxDepth;
    this.nodeLimit = nodeLimit;
  }

  /** Starts at a job or a whole dataset: everything downstream through job-level lineage. */
  void startCoarse(String elementId, NodeId id) {
    Visit v = add(elementId, id, null, null, 0, Precision.DATASET);
    scheduleCoarse(v, 0);
  }

  /** Starts at some fields of one dataset: only what derives from them, where column lineage says so. */
  void startFields(String datasetElementId, NodeId dataset, Map<String, NodeId> fieldsByElementId) {
    Visit first = null;
    for (Map.Entry<String, NodeId> f : fieldsByElementId.entrySet()) {
      Visit v = add(f.getKey(), f.getValue(), null, null, 0, Precision.COLUMN);
      schedule(Expansion.FIELDS, v.elementId, 0);
      if (first == null) {
        first = v;
      }
    }
    reachDatasetOfField(datasetElementId, dataset, first, 0);
    for (String f : fieldsByElementId.keySet()) {
      reachDatasetOfField(datasetElementId, dataset, visits.get(f), 0);
    }
  }

  /** Runs the walk to the end: every level up to the depth, plus one look beyond it to tell whether it was cut. */
  void run(TransactionContext tx) {
    while (!pending.isEmpty()) {
      if (visits.size() >= nodeLimit) {
        // Nothing new can be visited; expanding further would only find edges between known nodes.
        cutByLimit = true;
        return;
      }
      Map.Entry<Integer, Map<Expansion, LinkedHashSet<String>>> level = pending.pollFirstEntry();
      int distance = level.getKey();
      if (distance > maxDepth) {
        // Only an upgrade of an already visited node lands here; whatever it would reach lies beyond the depth.
        cutByDepth = true;
        continue;
      }
      expand(tx, distance, level.getValue());
    }
  }

  private void expand(TransactionContext tx, int distance, Map<Expansion, LinkedHashSet<String>> work) {
    List<Runnable> twoSteps = new ArrayList<>();
    LinkedHashSet<String> coarse = work.get(Expansion.COARSE);
    if (coarse != null) {
      List<Record> rows = new ArrayList<>();
      Set<String> datasets = new LinkedHashSet<>();
      Set<String> jobs = new LinkedHashSet<>();
      coarse.forEach(id -> (visits.get(id).id.type() == NodeType.JOB ? jobs : datasets).add(id));
      if (!datasets.isEmpty()) {
        rows.addAll(query(tx, ImpactCypher.DATASETS_DOWNSTREAM, datasets));
      }
      if (!jobs.isEmpty()) {
        rows.addAll(query(tx, ImpactCypher.JOBS_DOWNSTREAM, jobs));
      }
      for (Record r : rows) {
        Visit from = visits.get(r.get("from").asString());
        String ns = r.get("namespace").asString();
        String name = r.get("name").asString();
        NodeId to = r.get("job").asBoolean() ? NodeId.job(ns, name) : NodeId.dataset(ns, name);
        reachCoarse(r.get("to").asString(), to, from, distance + 1);
      }
    }
    LinkedHashSet<String> readers = work.get(Expansion.UNTRACED_READERS);
    if (readers != null) {
      for (Record r : query(tx, ImpactCypher.UNTRACED_READERS, readers)) {
        Visit from = visits.get(r.get("from").asString());
        NodeId jobId = NodeId.job(r.get("namespace").asString(), r.get("name").asString());
        Visit job = reachLeaf(r.get("job").asString(), jobId, from, null, distance + 1, Precision.DATASET);
        for (Value o : r.get("untraced").values()) {
          NodeId out = NodeId.dataset(o.get("namespace").asString(), o.get("name").asString());
          String outId = o.get("id").asString();
          twoSteps.add(() -> reachCoarse(outId, out, job, distance + 2));
        }
      }
    }
    LinkedHashSet<String> fields = work.get(Expansion.FIELDS);
    if (fields != null) {
      for (Record r : query(tx, ImpactCypher.FIELDS_DOWNSTREAM, fields)) {
        Visit from = visits.get(r.get("from").asString());
        String ns = r.get("namespace").asString();
        String name = r.get("name").asString();
        NodeId carrier = null;
        for (Value j : r.get("jobs").values()) {
          NodeId jobId = NodeId.job(j.get("namespace").asString(), j.get("name").asString());
          reachLeaf(j.get("id").asString(), jobId, from, null, distance + 1, Precision.COLUMN);
          if (carrier == null || jobId.toString().compareTo(carrier.toString()) < 0) {
            carrier = jobId;
          }
        }
        NodeId via = carrier;
        NodeId field = NodeId.field(ns, name, r.get("field").asString());
        String fieldElementId = r.get("to").asString();
        String datasetElementId = r.get("dataset").asString();
        twoSteps.add(
            () -> {
              Visit f = reachField(fieldElementId, field, from, via, distance + 2);
              if (f != null) {
                reachDatasetOfField(datasetElementId, NodeId.dataset(ns, name), f, distance + 2);
              }
            });
      }
    }
    twoSteps.forEach(Runnable::run);
  }

  private List<Record> query(TransactionContext tx, String cypher, Set<String> ids) {
    List<Record> rows =
        tx.run(cypher, Map.of("ids", new ArrayList<>(ids), "max", MAX_ROWS_PER_QUERY)).list();
    if (rows.size() >= MAX_ROWS_PER_QUERY) {
      cutByLimit = true;
    }
    return rows;
  }

  /** A dataset or job reached through job-level lineage: all of it is affected, and everything it feeds. */
  private void reachCoarse(String elementId, NodeId id, @Nullable Visit from, int distance) {
    if (from == null) {
      return;
    }
    Visit existing = visits.get(elementId);
    if (existing != null) {
      edge(from, existing);
      if (!existing.coarseScheduled) {
        existing.precision = Precision.DATASET;
        scheduleCoarse(existing, distance);
      }
      return;
    }
    Visit v = tryAdd(elementId, id, from, null, distance, Precision.DATASET);
    if (v != null) {
      scheduleCoarse(v, distance);
    }
  }

  /** A job reached as a reader or carrier of a column derivation; its outputs are handled by the caller. */
  @Nullable
  private Visit reachLeaf(
      String elementId, NodeId id, @Nullable Visit from, @Nullable NodeId via, int distance, Precision p) {
    if (from == null) {
      return null;
    }
    Visit existing = visits.get(elementId);
    if (existing != null) {
      edge(from, existing);
      return existing;
    }
    return tryAdd(elementId, id, from, via, distance, p);
  }

  @Nullable
  private Visit reachField(String elementId, NodeId id, @Nullable Visit from, @Nullable NodeId via, int distance) {
    if (from == null) {
      return null;
    }
    Visit existing = visits.get(elementId);
    if (existing != null) {
      edge(from, existing);
      return null;
    }
    Visit v = tryAdd(elementId, id, from, via, distance, Precision.COLUMN);
    if (v != null) {
      schedule(Expansion.FIELDS, elementId, distance);
    }
    return v;
  }

  /** The dataset of a reached field is affected in those fields; its other readers may not say which they use. */
  private void reachDatasetOfField(String elementId, NodeId dataset, Visit field, int distance) {
    Visit existing = visits.get(elementId);
    if (existing != null) {
      edge(field, existing);
      edge(existing, field);
      if (existing.precision == Precision.COLUMN) {
        existing.fields.add(field.id.field());
      }
      return;
    }
    Visit v = tryAdd(elementId, dataset, field, null, distance, Precision.COLUMN);
    if (v != null) {
      v.fields.add(field.id.field());
      edge(v, field);
      schedule(Expansion.UNTRACED_READERS, elementId, distance);
    }
  }

  @Nullable
  private Visit tryAdd(String elementId, NodeId id, Visit from, @Nullable NodeId via, int distance, Precision p) {
    if (distance > maxDepth) {
      cutByDepth = true;
      return null;
    }
    if (visits.size() >= nodeLimit) {
      cutByLimit = true;
      return null;
    }
    Visit v = add(elementId, id, from, via, distance, p);
    edge(from, v);
    return v;
  }

  private Visit add(String elementId, NodeId id, @Nullable Visit parent, @Nullable NodeId via, int distance, Precision p) {
    Visit v = new Visit(elementId, id, parent, via, distance, p);
    visits.put(elementId, v);
    return v;
  }

  private void scheduleCoarse(Visit v, int distance) {
    v.coarseScheduled = true;
    v.fields.clear();
    schedule(Expansion.COARSE, v.elementId, distance);
  }

  private void schedule(Expansion expansion, String elementId, int distance) {
    pending
        .computeIfAbsent(distance, d -> new EnumMap<>(Expansion.class))
        .computeIfAbsent(expansion, e -> new LinkedHashSet<>())
        .add(elementId);
  }

  private void edge(Visit from, Visit to) {
    if (from != to) {
      edges.computeIfAbsent(from.elementId, k -> new LinkedHashSet<>()).add(to.elementId);
    }
  }

  /** Visits of this type, nearest first, then by id. */
  List<Visit> visitsOf(NodeType type) {
    return visits.values().stream()
        .filter(v -> v.id.type() == type)
        .sorted(
            Comparator.comparingInt((Visit v) -> v.distance).thenComparing(v -> v.id.toString()))
        .toList();
  }

  /** Visited nodes reachable downstream from {@code sources} over the edges seen (sources included). */
  Set<String> downstreamOf(Set<String> sources) {
    Set<String> seen = new HashSet<>(sources);
    Deque<String> queue = new ArrayDeque<>(sources);
    while (!queue.isEmpty()) {
      for (String next : edges.getOrDefault(queue.poll(), Set.of())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return seen;
  }

  /**
   * Visited nodes matching {@code wanted} one edge away from {@code sources}, looking through the sources' own
   * fields (a job that carries a derivation out of a field reads the field's dataset).
   */
  Set<String> neighboursOf(Set<String> sources, Predicate<Visit> wanted) {
    Set<String> from = new HashSet<>(sources);
    for (String s : sources) {
      for (String next : edges.getOrDefault(s, Set.of())) {
        Visit v = visits.get(next);
        if (v.id.type() == NodeType.DATASET_FIELD && v.id.datasetOfField().equals(visits.get(s).id)) {
          from.add(next);
        }
      }
    }
    Set<String> out = new TreeSet<>();
    for (String s : from) {
      for (String next : edges.getOrDefault(s, Set.of())) {
        Visit v = visits.get(next);
        if (wanted.test(v)) {
          out.add(v.id.toString());
        }
      }
    }
    return out;
  }

  @Nullable
  String truncatedBy() {
    return cutByLimit ? "nodeLimit" : cutByDepth ? "depth" : null;
  }
}
