package io.watershed.graph.write;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.write.DatasetFacts.ColumnLineageEdge;
import io.watershed.graph.write.DatasetFacts.SymlinkRef;
import io.watershed.graph.write.LineageEvent.EventKind;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

/**
 * Writes a batch of events in ONE transaction: the events are flattened into rows per kind and each kind is written
 * by one {@code UNWIND} statement. When this method returns, the batch is committed (and, Neo4j's commit being
 * durable, survives a crash); when it throws, nothing of the batch was written.
 */
@Singleton
public class LineageWriter {

  private final Neo4jConnection connection;

  public LineageWriter(Neo4jConnection connection) {
    this.connection = connection;
  }

  /** Writes all events atomically. */
  public void write(List<LineageEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    Rows rows = Rows.of(events);
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      session.executeWriteWithoutResult(tx -> rows.writeTo(tx));
    }
  }

  /** Run state rank: a state never moves to a lower rank, so a late START cannot reopen a finished run. */
  static int rank(String state) {
    return switch (state) {
      case "COMPLETE", "FAIL", "ABORT" -> 2;
      case "START", "RUNNING" -> 1;
      default -> 0;
    };
  }

  /** The {@code versionId} of the DatasetVersion a run (or a DatasetEvent, by event id) wrote. */
  public static String versionId(String namespace, String name, String runOrEventId) {
    String key = namespace + '\u0000' + name + '\u0000' + runOrEventId;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The rows of one batch, by statement. */
  private static final class Rows {
    final List<Map<String, Object>> jobs = new ArrayList<>();
    final List<Map<String, Object>> datasets = new ArrayList<>();
    final List<Map<String, Object>> schemaFields = new ArrayList<>();
    final List<Map<String, Object>> runs = new ArrayList<>();
    final List<Map<String, Object>> parents = new ArrayList<>();
    final List<Map<String, Object>> reads = new ArrayList<>();
    final List<Map<String, Object>> writes = new ArrayList<>();
    final List<Map<String, Object>> versions = new ArrayList<>();
    final List<Map<String, Object>> columnLineage = new ArrayList<>();
    final List<Map<String, Object>> symlinks = new ArrayList<>();
    final List<Map<String, Object>> jobOwners = new ArrayList<>();
    final List<Map<String, Object>> datasetOwners = new ArrayList<>();
    final List<Map<String, Object>> qualityFacets = new ArrayList<>();
    final List<Map<String, Object>> events = new ArrayList<>();

    static Rows of(List<LineageEvent> events) {
      Rows rows = new Rows();
      events.forEach(rows::add);
      return rows;
    }

    void add(LineageEvent e) {
      String runId = e.run() == null ? null : e.run().runId();
      if (e.job() != null) {
        addJob(e, e.job().namespace(), e.job().name(), e.job().facets());
        e.job().owners().forEach(o -> jobOwners.add(owner(e.job().namespace(), e.job().name(), o)));
      }
      if (e.run() != null && e.job() != null) {
        Map<String, Object> run = facetRow(e, e.run().facets());
        run.put("runId", runId);
        run.put("jobNamespace", e.job().namespace());
        run.put("jobName", e.job().name());
        run.put("state", e.eventType());
        run.put("rank", e.eventType() == null ? null : rank(e.eventType()));
        runs.add(run);
        RunFacts.ParentRef parent = e.run().parent();
        if (parent != null) {
          addJob(e, parent.jobNamespace(), parent.jobName(), FacetMap.EMPTY);
          Map<String, Object> p = new HashMap<>();
          p.put("runId", runId);
          p.put("jobNamespace", e.job().namespace());
          p.put("jobName", e.job().name());
          p.put("parentJobNamespace", parent.jobNamespace());
          p.put("parentJobName", parent.jobName());
          p.put("parentRunId", parent.runId());
          p.put("eventTime", e.eventTime());
          parents.add(p);
        }
      }
      for (DatasetFacts in : e.inputs()) {
        addDataset(e, in, false);
        if (e.job() != null) {
          reads.add(io(e, in, runId));
        }
        addIoFacets(e, in, "input", runId);
      }
      for (DatasetFacts out : e.outputs()) {
        addDataset(e, out, e.marksOutputsUpdated());
        if (e.job() != null) {
          writes.add(io(e, out, runId));
        }
        if (runId != null) {
          addVersion(e, out, runId);
        }
        addIoFacets(e, out, "output", runId);
      }
      if (e.dataset() != null) {
        addDataset(e, e.dataset(), e.marksOutputsUpdated());
        if (e.kind() == EventKind.DATASET_EVENT) {
          addVersion(e, e.dataset(), null);
        }
      }
      Map<String, Object> ev = new HashMap<>();
      ev.put("eventId", e.eventId());
      ev.put("kind", e.kind().specName());
      ev.put("eventType", e.eventType());
      ev.put("eventTime", e.eventTime());
      ev.put("producer", e.producer());
      ev.put("schemaURL", e.schemaUrl());
      ev.put("runId", runId);
      ev.put("jobNamespace", e.job() == null ? null : e.job().namespace());
      ev.put("jobName", e.job() == null ? null : e.job().name());
      ev.put("receivedAt", e.receivedAt());
      ev.put("payload", e.payload());
      events.add(ev);
    }

    private void addJob(LineageEvent e, String namespace, String name, FacetMap facets) {
      Map<String, Object> row = facetRow(e, facets);
      row.put("namespace", namespace);
      row.put("name", name);
      jobs.add(row);
    }

    private void addDataset(LineageEvent e, DatasetFacts d, boolean modified) {
      Map<String, Object> row = facetRow(e, d.facets());
      row.put("namespace", d.namespace());
      row.put("name", d.name());
      row.put("modified", modified);
      row.put("schema", d.schemaJson());
      datasets.add(row);
      if (d.schema() != null) {
        List<Map<String, Object>> fields = new ArrayList<>();
        for (DatasetFacts.FieldFacts f : d.schema()) {
          Map<String, Object> field = new HashMap<>();
          field.put("name", f.name());
          field.put("type", f.type());
          field.put("description", f.description());
          fields.add(field);
        }
        Map<String, Object> s = new HashMap<>();
        s.put("namespace", d.namespace());
        s.put("name", d.name());
        s.put("eventTime", e.eventTime());
        s.put("schema", d.schemaJson());
        s.put("fields", fields);
        schemaFields.add(s);
      }
      for (SymlinkRef link : d.symlinks()) {
        addDataset(e, DatasetFacts.reference(link.namespace(), link.name()), false);
        Map<String, Object> s = new HashMap<>();
        s.put("namespace", d.namespace());
        s.put("name", d.name());
        s.put("targetNamespace", link.namespace());
        s.put("targetName", link.name());
        s.put("type", link.type() == null ? "" : link.type());
        symlinks.add(s);
      }
      d.owners().forEach(o -> datasetOwners.add(owner(d.namespace(), d.name(), o)));
      for (ColumnLineageEdge edge : d.columnLineage()) {
        if (!edge.inputNamespace().equals(d.namespace()) || !edge.inputName().equals(d.name())) {
          addDataset(e, DatasetFacts.reference(edge.inputNamespace(), edge.inputName()), false);
        }
        Map<String, Object> c = new HashMap<>();
        c.put("namespace", d.namespace());
        c.put("name", d.name());
        c.put("field", edge.outputField());
        c.put("inNamespace", edge.inputNamespace());
        c.put("inName", edge.inputName());
        c.put("inField", edge.inputField());
        c.put("transformations", edge.transformationsJson());
        c.put("eventTime", e.eventTime());
        columnLineage.add(c);
      }
    }

    private void addVersion(LineageEvent e, DatasetFacts d, String runId) {
      Map<String, Object> row = facetRow(e, d.facets().plus(d.ioFacets()));
      row.put("versionId", versionId(d.namespace(), d.name(), runId != null ? runId : e.eventId()));
      row.put("namespace", d.namespace());
      row.put("name", d.name());
      row.put("runId", runId);
      row.put("modified", e.marksOutputsUpdated());
      row.put("schema", d.schemaJson());
      versions.add(row);
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
                qualityFacets.add(q);
              });
    }

    private static Map<String, Object> io(LineageEvent e, DatasetFacts d, String runId) {
      Map<String, Object> row = new HashMap<>();
      row.put("namespace", d.namespace());
      row.put("name", d.name());
      row.put("jobNamespace", e.job().namespace());
      row.put("jobName", e.job().name());
      row.put("runId", runId);
      row.put("eventTime", e.eventTime());
      return row;
    }

    private static Map<String, Object> owner(String namespace, String name, OwnerRef owner) {
      Map<String, Object> row = new HashMap<>();
      row.put("namespace", namespace);
      row.put("name", name);
      row.put("owner", owner.name());
      row.put("type", owner.type() == null ? "" : owner.type());
      return row;
    }

    private static Map<String, Object> facetRow(LineageEvent e, FacetMap facets) {
      Map<String, Object> row = new HashMap<>();
      row.put("eventTime", e.eventTime());
      row.put("facets", new LinkedHashMap<>(facets.json()));
      row.put("derived", facets.derivedParam());
      return row;
    }

    void writeTo(TransactionContext tx) {
      // Order matters only for existence: nodes first, then the relationships that MATCH them.
      run(tx, WriteCypher.JOBS, jobs);
      run(tx, WriteCypher.DATASETS, datasets);
      run(tx, WriteCypher.SCHEMA_FIELDS, schemaFields);
      run(tx, WriteCypher.RUNS, runs);
      run(tx, WriteCypher.PARENTS, parents);
      run(tx, WriteCypher.READS, reads);
      run(tx, WriteCypher.WRITES, writes);
      run(tx, WriteCypher.VERSIONS, versions);
      run(tx, WriteCypher.COLUMN_LINEAGE, columnLineage);
      run(tx, WriteCypher.SYMLINKS, symlinks);
      run(tx, WriteCypher.JOB_OWNERS, jobOwners);
      run(tx, WriteCypher.DATASET_OWNERS, datasetOwners);
      run(tx, WriteCypher.QUALITY_FACETS, qualityFacets);
      run(tx, WriteCypher.EVENTS, events);
    }

    private static void run(TransactionContext tx, String cypher, List<Map<String, Object>> rows) {
      if (!rows.isEmpty()) {
        tx.run(cypher, Map.of("rows", rows)).consume();
      }
    }
  }
}
