package io.watershed.graph.impact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.impact.RootCauseReport.Cause;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeId.NodeType;
import io.watershed.graph.lineage.NodeNotFoundException;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Answers "this product is out of its SLO: which upstream node is the cause?". Walks upstream from the product's
 * datasets (one query per level), looks at every node reached for a problem (failed latest run, open breaking
 * change, failing check, a product that names it stale or incomplete), and names the problems nearest the source.
 */
@Singleton
public class RootCauseAnalysis {

  /** Kinds of open {@code Change} nodes that count as problems. */
  static final List<String> CHANGE_KINDS =
      List.of(
          CauseKind.RUN_FAILED.name(),
          CauseKind.SCHEMA_BREAKING.name(),
          CauseKind.LIFECYCLE_CHANGE.name(),
          CauseKind.CHECK_FAILED.name());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 300;

  private final Neo4jConnection connection;

  public RootCauseAnalysis(Neo4jConnection connection) {
    this.connection = connection;
  }

  /**
   * The root causes of {@code product}'s trouble, looking {@code depth} relationships upstream at most.
   *
   * @throws NodeNotFoundException when there is no such product
   */
  public RootCauseReport rootCause(String product, int depth, int nodeLimit) {
    if (depth < 1 || depth > ImpactRequest.MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be between 1 and " + ImpactRequest.MAX_DEPTH);
    }
    if (nodeLimit < 1 || nodeLimit > ImpactRequest.MAX_NODES) {
      throw new IllegalArgumentException("limit must be between 1 and " + ImpactRequest.MAX_NODES);
    }
    try (Session session = connection.driver().session(ImpactAnalysis.wholeResults(connection))) {
      return session.executeRead(tx -> analyse(tx, product, depth, nodeLimit));
    }
  }

  private RootCauseReport analyse(TransactionContext tx, String product, int depth, int nodeLimit) {
    List<Record> rows = tx.run(ImpactCypher.PRODUCT, Map.of("name", product)).list();
    if (rows.isEmpty()) {
      throw new NodeNotFoundException("dataProduct", product);
    }
    Record p = rows.get(0);
    Map<String, NodeId> roots = new LinkedHashMap<>();
    for (Value d : p.get("datasets").values()) {
      roots.put(d.get("id").asString(), NodeId.dataset(d.get("namespace").asString(), d.get("name").asString()));
    }
    UpstreamWalk walk = new UpstreamWalk(depth, nodeLimit);
    walk.run(tx, roots);
    Map<String, Problem> problems = new LinkedHashMap<>();
    findProblems(tx, walk, problems);
    List<Cause> causes = new ArrayList<>();
    List<Cause> also = new ArrayList<>();
    Set<String> problemNodes = Set.copyOf(problems.values().stream().map(Problem::elementId).toList());
    for (Problem problem : problems.values()) {
      Cause cause = problem.toCause(walk.visits.get(problem.elementId()));
      (nearestTheSource(walk, problem.elementId(), problemNodes) ? causes : also).add(cause);
    }
    Comparator<Cause> order =
        Comparator.comparingInt(Cause::distance).reversed().thenComparing(Cause::node).thenComparing(Cause::kind);
    causes.sort(order);
    also.sort(order);
    String by = walk.truncatedBy();
    return new RootCauseReport(
        p.get("name").asString(),
        text(p.get("domain")),
        text(p.get("state")),
        time(p.get("stateSince")),
        stringList(text(p.get("stateReasons"))),
        roots.values().stream().map(NodeId::toString).sorted().toList(),
        causes,
        also,
        depth,
        nodeLimit,
        by != null,
        by);
  }

  /**
   * A problem is nearest the source when no other problem lies strictly upstream of it. Two problems on a cycle
   * (a job that reads what it writes) are upstream of each other, so neither hides the other.
   */
  private static boolean nearestTheSource(UpstreamWalk walk, String node, Set<String> problemNodes) {
    for (String up : walk.upstreamOf(node)) {
      if (!up.equals(node) && problemNodes.contains(up) && !walk.upstreamOf(up).contains(node)) {
        return false;
      }
    }
    return true;
  }

  private void findProblems(TransactionContext tx, UpstreamWalk walk, Map<String, Problem> out) {
    List<String> all = walk.elementIds();
    List<String> jobs =
        walk.visits.values().stream().filter(v -> v.id().type() == NodeType.JOB).map(UpstreamWalk.Visit::elementId).toList();
    List<String> datasets =
        walk.visits.values().stream()
            .filter(v -> v.id().type() == NodeType.DATASET)
            .map(UpstreamWalk.Visit::elementId)
            .toList();
    // Recorded changes first: their descriptions and evidence are the richest.
    for (Record r : tx.run(ImpactCypher.OPEN_CHANGES, Map.of("ids", all, "kinds", CHANGE_KINDS)).list()) {
      Map<String, String> evidence = new LinkedHashMap<>(stringMap(text(r.get("evidence"))));
      evidence.put("change", r.get("change").asString());
      add(out, walk, r.get("id").asString(), CauseKind.valueOf(r.get("kind").asString()),
          text(r.get("description")), evidence, time(r.get("at")));
    }
    if (!jobs.isEmpty()) {
      for (Record r : tx.run(ImpactCypher.FAILED_JOBS, Map.of("ids", jobs)).list()) {
        String error = text(r.get("error"));
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("runId", r.get("runId").asString());
        evidence.put("state", r.get("state").asString());
        String description = "Latest run ended " + r.get("state").asString() + (error == null ? "" : ": " + clip(error));
        add(out, walk, r.get("id").asString(), CauseKind.RUN_FAILED, description, evidence, time(r.get("at")));
      }
    }
    if (!datasets.isEmpty()) {
      findDatasetProblems(tx, walk, datasets, out);
    }
  }

  private void findDatasetProblems(
      TransactionContext tx, UpstreamWalk walk, List<String> datasets, Map<String, Problem> out) {
    for (Record r : tx.run(ImpactCypher.LATEST_ASSERTIONS, Map.of("ids", datasets)).list()) {
      for (Assertion a : Assertion.parseFacet(r.get("json").asString())) {
        if (!a.success()) {
          Map<String, String> evidence = new LinkedHashMap<>();
          evidence.put("check", a.assertion());
          if (a.column() != null) {
            evidence.put("column", a.column());
          }
          if (!r.get("runId").isNull()) {
            evidence.put("runId", r.get("runId").asString());
          }
          String on = a.column() == null ? "" : " on column " + a.column();
          add(out, walk, r.get("id").asString(), CauseKind.CHECK_FAILED,
              "Check " + a.assertion() + on + " failed", evidence, time(r.get("at")));
        }
      }
    }
    for (Record r : tx.run(ImpactCypher.FAILING_CHECK_RESULTS, Map.of("ids", datasets)).list()) {
      Map<String, String> evidence = new LinkedHashMap<>();
      String check = text(r.get("check"));
      evidence.put("check", check == null ? "unnamed" : check);
      putIfPresent(evidence, "column", r.get("column"));
      putIfPresent(evidence, "observed", r.get("observed"));
      putIfPresent(evidence, "threshold", r.get("threshold"));
      putIfPresent(evidence, "runId", r.get("runId"));
      add(out, walk, r.get("id").asString(), CauseKind.CHECK_FAILED,
          "Check " + evidence.get("check") + " failed", evidence, time(r.get("at")));
    }
    for (Record r : tx.run(ImpactCypher.OUT_OF_SLO_PRODUCTS, Map.of("ids", datasets)).list()) {
      String ns = r.get("namespace").asString();
      String name = r.get("name").asString();
      for (String reason : stringList(text(r.get("reasons")))) {
        StateReason parsed = StateReason.parse(reason);
        if (parsed.kind() != null && parsed.isAbout(ns, name)) {
          Map<String, String> evidence = new LinkedHashMap<>();
          evidence.put("product", r.get("product").asString());
          evidence.put("reason", reason);
          String description = name + " is " + (parsed.kind() == CauseKind.STALE ? "stale" : "failing its contract")
              + " according to product " + r.get("product").asString() + " (" + reason + ")";
          add(out, walk, r.get("id").asString(), parsed.kind(), description, evidence, time(r.get("since")));
        }
      }
    }
  }

  private static void add(
      Map<String, Problem> out,
      UpstreamWalk walk,
      String elementId,
      CauseKind kind,
      @Nullable String description,
      Map<String, String> evidence,
      @Nullable String since) {
    UpstreamWalk.Visit v = walk.visits.get(elementId);
    String key = kind + "|" + elementId;
    Problem known = out.get(key);
    if (known != null) {
      // The same problem found twice (a recorded change and the live state): keep the first, earliest start.
      if (since != null && (known.since() == null || since.compareTo(known.since()) < 0)) {
        out.put(key, new Problem(elementId, kind, known.description(), known.evidence(), since));
      }
      return;
    }
    String text = description == null || description.isBlank() ? kind.name() + " at " + v.id() : description;
    out.put(key, new Problem(elementId, kind, text, Map.copyOf(evidence), since));
  }

  /** One problem before it is placed relative to the others. */
  private record Problem(
      String elementId, CauseKind kind, String description, Map<String, String> evidence, @Nullable String since) {

    Cause toCause(UpstreamWalk.Visit v) {
      return new Cause(
          kind, v.id().toString(), description, new TreeMap<>(evidence), since, v.distance(), v.pathDown());
    }
  }

  private static void putIfPresent(Map<String, String> evidence, String key, Value value) {
    if (value != null && !value.isNull()) {
      Object o = value.asObject();
      evidence.put(key, clip(String.valueOf(o)));
    }
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 1) + "…";
  }

  @Nullable
  private static String text(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }

  @Nullable
  private static String time(Value v) {
    if (v == null || v.isNull()) {
      return null;
    }
    Object o = v.asObject();
    if (o instanceof ZonedDateTime z) {
      return z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    return String.valueOf(o);
  }

  private static List<String> stringList(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.copyOf(JSON.readValue(json, new TypeReference<List<String>>() {}));
    } catch (IOException e) {
      return List.of(json);
    }
  }

  private static Map<String, String> stringMap(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      return Map.of();
    }
  }
}
