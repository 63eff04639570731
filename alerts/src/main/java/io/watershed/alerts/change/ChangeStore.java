package io.watershed.alerts.change;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.change.Change.ChangeDetails;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

/** Stores, finds and resolves {@code Change} nodes. */
@Singleton
public class ChangeStore {

  /** Kinds that raise alerts while open. */
  static final List<String> ALERTABLE =
      Arrays.stream(ChangeKind.values())
          .filter(k -> k.rootCauseKind() != null || k == ChangeKind.PRODUCT_OUT_OF_SLO)
          .map(Enum::name)
          .toList();

  private final Neo4jConnection connection;

  public ChangeStore(Neo4jConnection connection) {
    this.connection = connection;
  }

  /** A change that ended: when, and why. */
  public record Resolution(String changeId, Instant at, String by) {}

  /** Records changes once each (by id) and links them to what they are about. */
  public void record(Collection<Change> changes, Instant now) {
    if (changes.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Change c : changes) {
      rows.add(row(c));
    }
    Map<Subject.Type, List<Map<String, Object>>> byType = new HashMap<>();
    for (Map<String, Object> row : rows) {
      byType.computeIfAbsent(Subject.Type.valueOf((String) row.get("subjectType")), t -> new ArrayList<>()).add(row);
    }
    try (Session session = session()) {
      session.executeWriteWithoutResult(
          tx -> {
            tx.run(ChangeCypher.RECORD, Map.of("rows", rows, "now", GraphValues.time(now))).consume();
            link(tx, ChangeCypher.LINK_DATASETS, byType.get(Subject.Type.DATASET));
            link(tx, ChangeCypher.LINK_JOBS, byType.get(Subject.Type.JOB));
            link(tx, ChangeCypher.LINK_PRODUCTS, byType.get(Subject.Type.PRODUCT));
          });
    }
  }

  private static void link(org.neo4j.driver.TransactionContext tx, String cypher, List<Map<String, Object>> rows) {
    if (rows != null) {
      tx.run(cypher, Map.of("rows", rows)).consume();
    }
  }

  private static Map<String, Object> row(Change c) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", c.id());
    row.put("kind", c.kind().name());
    row.put("subject", c.subject().nodeId());
    row.put("subjectType", c.subject().type().name());
    row.put("namespace", c.subject().namespace());
    row.put("name", c.subject().name());
    row.put("status", c.status().name());
    row.put("at", GraphValues.time(c.at()));
    row.put("description", c.description());
    row.put("evidence", GraphValues.json(c.evidence()));
    row.put("fields", c.details().fields());
    row.put("check", c.details().check());
    row.put("column", c.details().column());
    row.put("lifecycleState", c.details().lifecycleState());
    row.put("brokenTypes", GraphValues.json(c.details().brokenTypes()));
    row.put("fingerprint", c.fingerprint());
    return row;
  }

  /** Open, alertable changes that have not been turned into alerts yet, oldest first. */
  public List<Change> unalerted(int limit) {
    return read(ChangeCypher.UNALERTED, Map.of("kinds", ALERTABLE, "limit", limit));
  }

  public void markAlerted(String changeId, Instant now) {
    try (Session session = session()) {
      session.executeWriteWithoutResult(
          tx -> tx.run(ChangeCypher.MARK_ALERTED, Map.of("id", changeId, "now", GraphValues.time(now))).consume());
    }
  }

  /** Open changes about these subjects ({@link Subject#nodeId()}). */
  public List<Change> openAbout(Collection<String> subjects, int limit) {
    if (subjects.isEmpty()) {
      return List.of();
    }
    return read(ChangeCypher.OPEN_ABOUT, Map.of("subjects", List.copyOf(subjects), "limit", limit));
  }

  /** All open changes, oldest first. */
  public List<Change> open(int limit) {
    return read(ChangeCypher.OPEN_ALL, Map.of("limit", limit));
  }

  /** Resolves the changes that are still open; returns the ids this call resolved. */
  public List<String> resolve(Collection<Resolution> resolutions) {
    if (resolutions.isEmpty()) {
      return List.of();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Resolution r : resolutions) {
      rows.add(Map.of("id", r.changeId(), "at", GraphValues.time(r.at()), "by", r.by()));
    }
    try (Session session = session()) {
      return session.executeWrite(
          tx -> tx.run(ChangeCypher.RESOLVE, Map.of("rows", rows)).list(r -> r.get("id").asString()));
    }
  }

  public Optional<Change> get(String id) {
    return read(ChangeCypher.GET, Map.of("id", id)).stream().findFirst();
  }

  /** Changes for the API, newest first. */
  public List<Change> list(
      @Nullable String subject, @Nullable ChangeKind kind, @Nullable ChangeStatus status, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    params.put("subject", subject);
    params.put("kind", kind == null ? null : kind.name());
    params.put("status", status == null ? null : status.name());
    params.put("offset", offset);
    params.put("limit", limit);
    return read(ChangeCypher.LIST, params);
  }

  /** Runs a read and maps its {@code c} column. */
  List<Record> readRows(String cypher, Map<String, Object> params) {
    try (Session session = session()) {
      return session.executeRead(tx -> tx.run(cypher, params).list());
    }
  }

  private List<Change> read(String cypher, Map<String, Object> params) {
    return readRows(cypher, params).stream().map(r -> fromNode(r.get("c"))).toList();
  }

  static Change fromNode(Value c) {
    Subject.Type type = Subject.Type.valueOf(c.get("subjectType").asString());
    Subject subject = new Subject(type, GraphValues.text(c.get("namespace")), c.get("name").asString());
    ChangeDetails details =
        new ChangeDetails(
            GraphValues.strings(c.get("fields")),
            GraphValues.text(c.get("check")),
            GraphValues.text(c.get("column")),
            GraphValues.text(c.get("lifecycleState")),
            GraphValues.stringMap(GraphValues.text(c.get("brokenTypes"))));
    return new Change(
        c.get("id").asString(),
        ChangeKind.valueOf(c.get("kind").asString()),
        subject,
        ChangeStatus.valueOf(c.get("status").asString()),
        GraphValues.instant(c.get("at")),
        c.get("description").asString(),
        GraphValues.stringMap(GraphValues.text(c.get("evidence"))),
        details,
        GraphValues.instant(c.get("detectedAt")),
        GraphValues.instant(c.get("resolvedAt")),
        GraphValues.text(c.get("resolvedBy")));
  }

  private Session session() {
    return connection.driver().session(connection.sessionConfig());
  }
}
