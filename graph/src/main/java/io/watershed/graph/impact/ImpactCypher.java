package io.watershed.graph.impact;

/**
 * Read-side Cypher of impact and root-cause walks. Each expansion statement takes a whole BFS frontier as
 * {@code $ids} (element ids) and returns one row per edge, so a level costs one round trip whatever its width.
 */
final class ImpactCypher {

  private ImpactCypher() {}

  // The element id of a dataset, by key (start of a walk).
  static final String FIND_DATASET =
      """
      MATCH (n:Dataset {namespace: $namespace, name: $name}) RETURN elementId(n) AS id
      """;

  // The element id of a job, by key (start of a walk).
  static final String FIND_JOB =
      """
      MATCH (n:Job {namespace: $namespace, name: $name}) RETURN elementId(n) AS id
      """;

  // The element ids of some fields of one dataset, by name (start of a column-precise walk).
  static final String FIND_FIELDS =
      """
      MATCH (f:Field {namespace: $namespace, dataset: $name})
      WHERE f.name IN $fields
      RETURN elementId(f) AS id, f.name AS field
      """;

  // Job-level downstream neighbours of datasets: the jobs that read them and their aliases. A dataset only has
  // incoming READS, so one undirected expansion over both types gives exactly those.
  static final String DATASETS_DOWNSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Dataset) WHERE elementId(n) = id
      MATCH (n)-[:READS|SYMLINK_OF]-(m)
      RETURN id AS from, elementId(m) AS to, m:Job AS job, m.namespace AS namespace, m.name AS name
      LIMIT $max
      """;

  // Job-level downstream neighbours of jobs: the datasets they write.
  static final String JOBS_DOWNSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Job) WHERE elementId(n) = id
      MATCH (n)-[:WRITES]->(m:Dataset)
      RETURN id AS from, elementId(m) AS to, false AS job, m.namespace AS namespace, m.name AS name
      LIMIT $max
      """;

  // Job-level upstream neighbours of datasets: the jobs that write them and their aliases (a dataset only has
  // incoming WRITES).
  static final String DATASETS_UPSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Dataset) WHERE elementId(n) = id
      MATCH (n)-[:WRITES|SYMLINK_OF]-(m)
      RETURN id AS from, elementId(m) AS to, m:Job AS job, m.namespace AS namespace, m.name AS name
      LIMIT $max
      """;

  // Job-level upstream neighbours of jobs: the datasets they read.
  static final String JOBS_UPSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Job) WHERE elementId(n) = id
      MATCH (n)-[:READS]->(m:Dataset)
      RETURN id AS from, elementId(m) AS to, false AS job, m.namespace AS namespace, m.name AS name
      LIMIT $max
      """;

  // Column lineage downstream: fields derived from these fields, their datasets, and the jobs that read the
  // source field's dataset and write the derived field's dataset (the jobs that carry the derivation).
  static final String FIELDS_DOWNSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Field) WHERE elementId(n) = id
      MATCH (n)-[:FIELD_OF]->(src:Dataset)
      MATCH (n)<-[:DERIVES_FROM]-(m:Field)-[:FIELD_OF]->(d:Dataset)
      RETURN id AS from, elementId(m) AS to, m.name AS field,
             elementId(d) AS dataset, d.namespace AS namespace, d.name AS name,
             [(src)<-[:READS]-(j:Job)-[:WRITES]->(d) | {id: elementId(j), namespace: j.namespace, name: j.name}] AS jobs
      LIMIT $max
      """;

  // From a dataset reached through column lineage: the readers whose column use is unknown. A job counts when it
  // writes nothing, or writes some output that has no column lineage back into this dataset; those outputs
  // ("untraced") are affected as a whole. Outputs with column lineage are left to FIELDS_DOWNSTREAM.
  static final String UNTRACED_READERS =
      """
      UNWIND $ids AS id
      MATCH (d:Dataset) WHERE elementId(d) = id
      MATCH (d)<-[:READS]-(j:Job)
      OPTIONAL MATCH (j)-[:WRITES]->(o:Dataset)
      WITH id, d, j, o,
           o IS NOT NULL AND EXISTS { (o)<-[:FIELD_OF]-(:Field)-[:DERIVES_FROM]->(:Field)-[:FIELD_OF]->(d) } AS traced
      WITH id, j, count(o) AS outputs,
           collect(CASE WHEN o IS NOT NULL AND NOT traced
                        THEN {id: elementId(o), namespace: o.namespace, name: o.name} END) AS untraced
      WHERE outputs = 0 OR size(untraced) > 0
      RETURN id AS from, elementId(j) AS job, j.namespace AS namespace, j.name AS name, untraced
      LIMIT $max
      """;

  // Data products exposing any of these datasets, with their contract's severity, state and owners.
  static final String PRODUCTS =
      """
      UNWIND $ids AS id
      MATCH (d:Dataset) WHERE elementId(d) = id
      MATCH (d)<-[:EXPOSES]-(p:DataProduct)
      RETURN id AS dataset, p.name AS name,
             coalesce([(p)-[:IN_DOMAIN]->(x:Domain) | x.name][0], p.domain) AS domain,
             p.severity AS severity, p.state AS state,
             [(o:Owner)-[:OWNS_PRODUCT]->(p) | o.name] AS owners
      """;

  // Owners of datasets and jobs from ownership facets.
  static final String ASSET_OWNERS =
      """
      UNWIND $ids AS id
      MATCH (n) WHERE elementId(n) = id
      MATCH (o:Owner)-[:OWNS]->(n)
      RETURN DISTINCT id, o.name AS owner
      """;

  // A product and the datasets it exposes (start of a root-cause walk).
  static final String PRODUCT =
      """
      MATCH (p:DataProduct {name: $name})
      OPTIONAL MATCH (p)-[:EXPOSES]->(d:Dataset)
      RETURN p.name AS name, coalesce([(p)-[:IN_DOMAIN]->(x:Domain) | x.name][0], p.domain) AS domain,
             p.state AS state, p.stateSince AS stateSince, p.stateReasons AS stateReasons,
             collect(d {id: elementId(d), .namespace, .name}) AS datasets
      """;

  // Jobs whose latest finished run failed or was aborted.
  static final String FAILED_JOBS =
      """
      UNWIND $ids AS id
      MATCH (j:Job) WHERE elementId(j) = id
      CALL (j) {
        MATCH (r:Run {jobNamespace: j.namespace, jobName: j.name}) WHERE r.stateRank = 2
        RETURN r ORDER BY r.stateTime DESC LIMIT 1
      }
      WITH id, r WHERE r.state IN ['FAIL', 'ABORT']
      RETURN id, r.runId AS runId, r.state AS state, r.stateTime AS at, r.errorMessage AS error
      """;

  // Open changes recorded by the alerts module about these datasets or jobs (see docs/graph-model.md, Change).
  static final String OPEN_CHANGES =
      """
      UNWIND $ids AS id
      MATCH (n) WHERE elementId(n) = id
      MATCH (c:Change)-[:ABOUT]->(n) WHERE c.status = 'OPEN' AND c.kind IN $kinds
      RETURN id, c.id AS change, c.kind AS kind, c.at AS at, c.description AS description, c.evidence AS evidence
      ORDER BY c.at
      """;

  // The latest dataQualityAssertions facet of each dataset.
  static final String LATEST_ASSERTIONS =
      """
      UNWIND $ids AS id
      MATCH (d:Dataset) WHERE elementId(d) = id
      CALL (d) {
        MATCH (q:QualityFacet {namespace: d.namespace, name: d.name})
        WHERE q.facet = 'dataQualityAssertions'
        RETURN q ORDER BY q.eventTime DESC LIMIT 1
      }
      RETURN id, q.json AS json, q.eventTime AS at, q.runId AS runId
      """;

  // Quality checks (CheckResult, written by the quality module) whose latest result on a dataset failed.
  static final String FAILING_CHECK_RESULTS =
      """
      UNWIND $ids AS id
      MATCH (d:Dataset) WHERE elementId(d) = id
      MATCH (c:CheckResult)-[:ABOUT]->(d)
      WITH id, c.check AS check, c.column AS column, c ORDER BY c.time DESC
      WITH id, check, column, collect(c)[0] AS latest
      WHERE latest.success = false
      RETURN id, check, column, latest.time AS at, latest.observedValue AS observed, latest.threshold AS threshold,
             latest.runId AS runId
      """;

  // Out-of-SLO products exposing these datasets, with the reasons their state gives.
  static final String OUT_OF_SLO_PRODUCTS =
      """
      UNWIND $ids AS id
      MATCH (d:Dataset) WHERE elementId(d) = id
      MATCH (d)<-[:EXPOSES]-(p:DataProduct) WHERE p.state = 'OUT_OF_SLO'
      RETURN id, p.name AS product, p.stateReasons AS reasons, p.stateSince AS since,
             d.namespace AS namespace, d.name AS name
      """;
}
