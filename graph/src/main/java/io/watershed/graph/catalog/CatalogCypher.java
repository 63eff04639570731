package io.watershed.graph.catalog;

/** Read-side Cypher of the catalog (namespaces, datasets, jobs, runs), in Marquez's API shapes. */
final class CatalogCypher {

  private CatalogCypher() {}

  // What a dataset row carries: the node, its owners, its aliases and the fields its schema dropped.
  private static final String DATASET_PROJECTION =
      """
      RETURN d {.*} AS d,
             [(o:Owner)-[x:OWNS]->(d) | {name: o.name, type: x.type}] AS owners,
             [(d)-[s:SYMLINK_OF]-(t:Dataset) | {namespace: t.namespace, name: t.name, type: s.type}] AS symlinks,
             [(f:Field)-[:FIELD_OF]->(d) WHERE f.inSchema = false | f.name] AS retiredFields
      """;

  // What a job row carries: the node, its inputs, outputs, parent, owners and latest run.
  private static final String JOB_PROJECTION =
      """
      CALL (j) {
        OPTIONAL MATCH (r:Run)-[:RUN_OF]->(j)
        WITH r ORDER BY r.createdAt DESC, r.runId LIMIT 1
        RETURN r {.*} AS latestRun
      }
      RETURN j {.*} AS j,
             [(j)-[:READS]->(d:Dataset) | {namespace: d.namespace, name: d.name}] AS inputs,
             [(j)-[:WRITES]->(d:Dataset) | {namespace: d.namespace, name: d.name}] AS outputs,
             [(j)-[:CHILD_OF]->(p:Job) | p.name][0] AS parentJobName,
             [(o:Owner)-[x:OWNS]->(j) | {name: o.name, type: x.type}] AS owners,
             latestRun
      """;

  // What a run row carries: the node, what it read and wrote, and its parent run.
  private static final String RUN_PROJECTION =
      """
      RETURN r {.*} AS r,
             [(r)-[:READ]->(d:Dataset) | {namespace: d.namespace, name: d.name}] AS inputs,
             [(r)-[:PRODUCED]->(v:DatasetVersion) | {namespace: v.namespace, name: v.name, version: v.versionId}] AS outputs,
             [(r)-[:CHILD_OF]->(p:Run) | p.runId][0] AS parentRunId
      """;

  // Every namespace, by name.
  static final String NAMESPACES =
      """
      MATCH (n:Namespace)
      RETURN n {.*} AS ns
      ORDER BY n.name SKIP $offset LIMIT $limit
      """;

  // How many namespaces there are.
  static final String COUNT_NAMESPACES = "MATCH (n:Namespace) RETURN count(n) AS total";

  // One namespace.
  static final String NAMESPACE = "MATCH (n:Namespace {name: $namespace}) RETURN n {.*} AS ns";

  // The datasets of a namespace, a page at a time, with owners and symlinks.
  static final String DATASETS =
      """
      MATCH (:Namespace {name: $namespace})<-[:IN_NAMESPACE]-(d:Dataset)
      WITH d ORDER BY d.name SKIP $offset LIMIT $limit
      """
          + DATASET_PROJECTION;

  // How many datasets a namespace has.
  static final String COUNT_DATASETS =
      """
      MATCH (:Namespace {name: $namespace})<-[:IN_NAMESPACE]-(d:Dataset) RETURN count(d) AS total
      """;

  // One dataset with owners and symlinks.
  static final String DATASET =
      """
      MATCH (d:Dataset {namespace: $namespace, name: $name})
      """
          + DATASET_PROJECTION;

  // The versions of a dataset, newest first.
  static final String DATASET_VERSIONS =
      """
      MATCH (v:DatasetVersion)-[:VERSION_OF]->(:Dataset {namespace: $namespace, name: $name})
      RETURN v {.*} AS v ORDER BY v.createdAt DESC, v.versionId SKIP $offset LIMIT $limit
      """;

  // How many versions a dataset has.
  static final String COUNT_DATASET_VERSIONS =
      """
      MATCH (v:DatasetVersion)-[:VERSION_OF]->(:Dataset {namespace: $namespace, name: $name}) RETURN count(v) AS total
      """;

  // The jobs of a namespace, a page at a time, with inputs, outputs and latest run.
  static final String JOBS =
      """
      MATCH (:Namespace {name: $namespace})<-[:IN_NAMESPACE]-(j:Job)
      WITH j ORDER BY j.name SKIP $offset LIMIT $limit
      """
          + JOB_PROJECTION;

  // How many jobs a namespace has.
  static final String COUNT_JOBS =
      """
      MATCH (:Namespace {name: $namespace})<-[:IN_NAMESPACE]-(j:Job) RETURN count(j) AS total
      """;

  // One job.
  static final String JOB =
      """
      MATCH (j:Job {namespace: $namespace, name: $name})
      """
          + JOB_PROJECTION;

  // The runs of a job, newest first, with the dataset versions they read and wrote.
  static final String RUNS =
      """
      MATCH (r:Run)-[:RUN_OF]->(:Job {namespace: $namespace, name: $name})
      WITH r ORDER BY r.createdAt DESC, r.runId SKIP $offset LIMIT $limit
      """
          + RUN_PROJECTION;

  // How many runs a job has.
  static final String COUNT_RUNS =
      """
      MATCH (r:Run)-[:RUN_OF]->(:Job {namespace: $namespace, name: $name}) RETURN count(r) AS total
      """;

  // One run by id.
  static final String RUN =
      """
      MATCH (r:Run {runId: $runId})
      """
          + RUN_PROJECTION;

  // Whether a job exists (to tell "no runs" from "no such job").
  static final String JOB_EXISTS = "MATCH (j:Job {namespace: $namespace, name: $name}) RETURN count(j) > 0 AS found";

  // The raw events of a run, oldest first.
  static final String RUN_EVENTS =
      """
      MATCH (e:Event {runId: $runId}) RETURN e.payload AS payload ORDER BY e.eventTime, e.eventId
      """;
}
