package io.watershed.alerts.change;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.change.Change.ChangeDetails;
import io.watershed.alerts.rootcause.RootCauseKey;
import io.watershed.alerts.support.GraphValues;
import io.watershed.graph.impact.Assertion;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageEvent.EventKind;
import io.watershed.graph.write.LineageWriter;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns committed OpenLineage events into changes: failed or aborted runs, lifecycle changes of datasets, failed
 * data-quality assertions, and schema changes between a dataset's versions (read back from the graph, where the
 * writer stored each version's schema).
 */
@Singleton
public class ChangeDetector {

  /** Lifecycle states that break consumers; OVERWRITE is routine for full-refresh jobs and only recorded. */
  static final Set<String> BREAKING_LIFECYCLE = Set.of("DROP", "RENAME", "TRUNCATE");

  static final Set<String> RECORDED_LIFECYCLE = Set.of("DROP", "RENAME", "TRUNCATE", "OVERWRITE");

  private static final int MAX_TEXT = 300;

  /** Datasets whose latest schema this detector remembers; beyond it the least recently written are forgotten. */
  static final int REMEMBERED_SCHEMAS = 50_000;

  private final SchemaHistory schemas;

  /**
   * The latest schema seen per dataset (by event time). A version whose schema equals it, and that is newer, cannot
   * be a schema change, nor can an older one, so the graph is not asked for its previous version: that lookup reads
   * the dataset's version history and was most of the alert engine's cost under load (docs/benchmarks.md, finding 7
   * and the L-runs).
   */
  private final Map<String, SeenSchema> latestSchemas =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SeenSchema> eldest) {
          return size() > REMEMBERED_SCHEMAS;
        }
      };

  public ChangeDetector(SchemaHistory schemas) {
    this.schemas = schemas;
  }

  private record SeenSchema(ZonedDateTime at, String schema) {}

  /**
   * True when {@code schema} at {@code at} may change the dataset's schema; remembers the latest schema seen. Only a
   * dataset's latest version is compared with its predecessor ({@link #schemaChanges}), so an event older than the
   * latest one seen cannot show a change: its version is an earlier one (superseded), or the same one (a START that
   * arrives after its run's COMPLETE), whose latest schema was looked at when the later event came. A tie in time
   * with another schema is left to the graph.
   */
  private synchronized boolean mayChangeSchema(DatasetFacts d, ZonedDateTime at) {
    String key = d.namespace() + '\u0000' + d.name();
    SeenSchema seen = latestSchemas.get(key);
    if (seen == null || seen.at().isBefore(at)) {
      latestSchemas.put(key, new SeenSchema(at, d.schemaJson()));
      return seen == null || !seen.schema().equals(d.schemaJson());
    }
    return seen.at().isEqual(at) && !seen.schema().equals(d.schemaJson());
  }

  /** What one batch of events showed. */
  public record Detection(List<Change> changes, Set<String> touched) {
    public Detection {
      changes = List.copyOf(changes);
      touched = Set.copyOf(touched);
    }
  }

  /**
   * Changes shown by a batch of committed events, and the subjects ({@link Subject#nodeId()}) the events touched,
   * whose open changes may now be resolved (a job that completed a run, a dataset with a new version or new
   * assertions).
   */
  public Detection detect(List<LineageEvent> events) {
    List<Change> changes = new ArrayList<>();
    Set<String> touched = new LinkedHashSet<>();
    List<String> versions = new ArrayList<>();
    for (LineageEvent e : events) {
      boolean failed = "FAIL".equals(e.eventType()) || "ABORT".equals(e.eventType());
      if (e.kind() == EventKind.RUN_EVENT && e.job() != null && e.run() != null) {
        Subject job = Subject.job(e.job().namespace(), e.job().name());
        if (failed) {
          changes.add(runFailed(e, job));
        } else if ("COMPLETE".equals(e.eventType())) {
          touched.add(job.nodeId());
        }
      }
      List<DatasetFacts> datasets = new ArrayList<>(e.inputs());
      datasets.addAll(e.outputs());
      for (DatasetFacts d : datasets) {
        changes.addAll(failedAssertions(e, d));
        if (d.ioFacets().json().containsKey("dataQualityAssertions")) {
          touched.add(Subject.dataset(d.namespace(), d.name()).nodeId());
        }
      }
      List<DatasetFacts> written = new ArrayList<>();
      if (e.kind() == EventKind.RUN_EVENT && e.run() != null && !failed) {
        written.addAll(e.outputs());
      }
      if (e.kind() == EventKind.DATASET_EVENT && e.dataset() != null) {
        written.add(e.dataset());
      }
      for (DatasetFacts d : written) {
        touched.add(Subject.dataset(d.namespace(), d.name()).nodeId());
        Change lifecycle = lifecycle(e, d);
        if (lifecycle != null) {
          changes.add(lifecycle);
        }
        if (d.schema() != null && d.schemaJson() != null && mayChangeSchema(d, e.eventTime())) {
          String key = e.kind() == EventKind.DATASET_EVENT ? e.eventId() : e.run().runId();
          versions.add(LineageWriter.versionId(d.namespace(), d.name(), key));
        }
      }
    }
    changes.addAll(schemaChanges(versions));
    return new Detection(dedupe(changes), touched);
  }

  private static Change runFailed(LineageEvent e, Subject job) {
    String runId = e.run().runId();
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("runId", runId);
    evidence.put("state", e.eventType());
    evidence.put("eventId", e.eventId());
    String error = errorMessage(e);
    if (error != null) {
      evidence.put("error", error);
    }
    String description =
        "Run " + runId + " of " + e.job().name() + " ended " + e.eventType() + (error == null ? "" : ": " + error);
    return Change.detected(
        id(ChangeKind.RUN_FAILED, job.nodeId(), runId),
        ChangeKind.RUN_FAILED,
        job,
        ChangeStatus.OPEN,
        e.eventTime().toInstant(),
        description,
        evidence,
        ChangeDetails.NONE);
  }

  @Nullable
  private static String errorMessage(LineageEvent e) {
    Map<String, Object> derived = e.run().facets().derived().get("errorMessage");
    Object message = derived == null ? null : derived.get("errorMessage");
    return message == null ? null : clip(message.toString());
  }

  private static List<Change> failedAssertions(LineageEvent e, DatasetFacts d) {
    String json = d.ioFacets().json().get("dataQualityAssertions");
    if (json == null) {
      return List.of();
    }
    Subject dataset = Subject.dataset(d.namespace(), d.name());
    List<Change> out = new ArrayList<>();
    for (Assertion a : Assertion.parseFacet(json)) {
      if (a.success()) {
        continue;
      }
      Map<String, String> evidence = new LinkedHashMap<>();
      evidence.put("check", a.assertion());
      if (a.column() != null) {
        evidence.put("column", a.column());
      }
      if (e.run() != null) {
        evidence.put("runId", e.run().runId());
      }
      evidence.put("eventId", e.eventId());
      String on = a.column() == null ? "" : " on column " + a.column();
      out.add(
          Change.detected(
              id(ChangeKind.CHECK_FAILED, dataset.nodeId(), e.eventId(), a.assertion(), String.valueOf(a.column())),
              ChangeKind.CHECK_FAILED,
              dataset,
              ChangeStatus.OPEN,
              e.eventTime().toInstant(),
              "Check " + a.assertion() + on + " failed on " + d.name(),
              evidence,
              new ChangeDetails(
                  a.column() == null ? List.of() : List.of(a.column()), a.assertion(), a.column(), null, Map.of())));
    }
    return out;
  }

  @Nullable
  private static Change lifecycle(LineageEvent e, DatasetFacts d) {
    Map<String, Object> derived = d.facets().derived().get("lifecycleStateChange");
    Object value = derived == null ? null : derived.get("lifecycleState");
    String state = value == null ? null : value.toString().toUpperCase(Locale.ROOT);
    if (state == null || !RECORDED_LIFECYCLE.contains(state)) {
      return null;
    }
    Subject dataset = Subject.dataset(d.namespace(), d.name());
    Subject subject = dataset;
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("lifecycleState", state);
    if (state.equals("RENAME")) {
      // Consumers read the old name: that is what broke. The facet names it in previousIdentifier.
      Subject previous = previousIdentifier(d.facets().json().get("lifecycleStateChange"));
      if (previous != null) {
        subject = previous;
        evidence.put("renamedTo", dataset.nodeId());
      }
    }
    if (e.run() != null) {
      evidence.put("runId", e.run().runId());
    }
    evidence.put("eventId", e.eventId());
    String key = e.run() != null ? e.run().runId() : e.eventId();
    String verb = switch (state) {
      case "DROP" -> "was dropped";
      case "RENAME" -> "was renamed to " + d.name();
      case "TRUNCATE" -> "was truncated";
      default -> "was overwritten";
    };
    return Change.detected(
        id(ChangeKind.LIFECYCLE_CHANGE, subject.nodeId(), state, key),
        ChangeKind.LIFECYCLE_CHANGE,
        subject,
        BREAKING_LIFECYCLE.contains(state) ? ChangeStatus.OPEN : ChangeStatus.INFO,
        e.eventTime().toInstant(),
        subject.name() + " " + verb,
        evidence,
        new ChangeDetails(List.of(), null, null, state, Map.of()));
  }

  @Nullable
  private static Subject previousIdentifier(@Nullable String facetJson) {
    if (facetJson == null) {
      return null;
    }
    try {
      JsonNode previous = GraphValues.mapper().readTree(facetJson).path("previousIdentifier");
      String ns = previous.path("namespace").asText("");
      String name = previous.path("name").asText("");
      return ns.isBlank() || name.isBlank() ? null : Subject.dataset(ns, name);
    } catch (IOException e) {
      return null;
    }
  }

  private List<Change> schemaChanges(List<String> versionIds) {
    List<Change> out = new ArrayList<>();
    if (versionIds.isEmpty()) {
      return out;
    }
    for (SchemaHistory.VersionSchemas v : schemas.lookup(versionIds)) {
      // Only the latest version is compared: a late, older version says nothing about the current schema.
      if (v.superseded() || v.previous() == null) {
        continue;
      }
      SchemaDiff diff = SchemaDiff.between(SchemaField.parseList(v.previous()), SchemaField.parseList(v.schema()));
      if (!diff.changed()) {
        continue;
      }
      Subject dataset = Subject.dataset(v.namespace(), v.name());
      Map<String, String> evidence = new LinkedHashMap<>();
      if (!diff.removed().isEmpty()) {
        evidence.put("removed", String.join(", ", diff.removed()));
      }
      diff.renamed().forEach(r -> evidence.put("renamed." + r.from(), r.to()));
      diff.retyped().forEach(r -> evidence.put("retyped." + r.field(), r.from() + " -> " + r.to()));
      if (!diff.added().isEmpty()) {
        evidence.put("added", String.join(", ", diff.added()));
      }
      evidence.put("version", v.versionId());
      evidence.put("previousVersion", v.previousVersion());
      if (v.runId() != null) {
        evidence.put("runId", v.runId());
      }
      boolean breaking = diff.breaking();
      ChangeKind kind = breaking ? ChangeKind.SCHEMA_BREAKING : ChangeKind.SCHEMA_COMPATIBLE;
      out.add(
          Change.detected(
              id(kind, dataset.nodeId(), v.versionId()),
              kind,
              dataset,
              breaking ? ChangeStatus.OPEN : ChangeStatus.INFO,
              v.at(),
              (breaking ? "Breaking schema change in " : "Schema of ") + v.name() + (breaking ? ": " : " changed: ")
                  + diff.describe(),
              trim(evidence),
              new ChangeDetails(diff.brokenFields(), null, null, null, diff.brokenTypes())));
    }
    return out;
  }

  /** Evidence holds at most 20 entries (a channel limit); a huge schema change keeps the first ones. */
  private static Map<String, String> trim(Map<String, String> evidence) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : evidence.entrySet()) {
      if (out.size() == 20) {
        break;
      }
      out.put(e.getKey().length() > 64 ? e.getKey().substring(0, 64) : e.getKey(), clip(e.getValue()));
    }
    return out;
  }

  private static List<Change> dedupe(List<Change> changes) {
    Map<String, Change> byId = new LinkedHashMap<>();
    changes.forEach(c -> byId.putIfAbsent(c.id(), c));
    return List.copyOf(byId.values());
  }

  /** A change id: what was detected, hashed, so the same detection always gives the same id. */
  static String id(ChangeKind kind, String... parts) {
    return RootCauseKey.hash(kind.name() + '\u0000' + String.join("\u0000", parts));
  }

  private static String clip(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT - 1) + "…";
  }
}
