package io.watershed.alerts.change;

/** Cypher of change detection, storage and resolution. */
final class ChangeCypher {

  private ChangeCypher() {}

  // Records changes once: the id is derived from what was detected, so a resend or a second replica adds nothing.
  static final String RECORD =
      """
      UNWIND $rows AS row
      MERGE (c:Change {id: row.id})
      ON CREATE SET c.kind = row.kind, c.subject = row.subject, c.subjectType = row.subjectType,
                    c.namespace = row.namespace, c.name = row.name, c.status = row.status, c.at = row.at,
                    c.description = row.description, c.evidence = row.evidence, c.fields = row.fields,
                    c.check = row.check, c.column = row.column, c.lifecycleState = row.lifecycleState,
                    c.brokenTypes = row.brokenTypes, c.fingerprint = row.fingerprint, c.detectedAt = $now
      """;

  // Links changes to the dataset they are about.
  static final String LINK_DATASETS =
      """
      UNWIND $rows AS row
      MATCH (c:Change {id: row.id})
      MATCH (n:Dataset {namespace: row.namespace, name: row.name})
      MERGE (c)-[:ABOUT]->(n)
      """;

  // Links changes to the job they are about.
  static final String LINK_JOBS =
      """
      UNWIND $rows AS row
      MATCH (c:Change {id: row.id})
      MATCH (n:Job {namespace: row.namespace, name: row.name})
      MERGE (c)-[:ABOUT]->(n)
      """;

  // Links changes to the data product they are about.
  static final String LINK_PRODUCTS =
      """
      UNWIND $rows AS row
      MATCH (c:Change {id: row.id})
      MATCH (n:DataProduct {name: row.name})
      MERGE (c)-[:ABOUT]->(n)
      """;

  // Open changes that can raise alerts and have not yet (new ones, or left over by a crash).
  static final String UNALERTED =
      """
      MATCH (c:Change {status: 'OPEN'})
      WHERE c.alertedAt IS NULL AND c.kind IN $kinds
      RETURN c ORDER BY c.at, c.id LIMIT $limit
      """;

  // Marks a change as turned into alerts.
  static final String MARK_ALERTED =
      """
      MATCH (c:Change {id: $id}) SET c.alertedAt = $now
      """;

  // Open changes about some subjects.
  static final String OPEN_ABOUT =
      """
      MATCH (c:Change {status: 'OPEN'}) WHERE c.subject IN $subjects
      RETURN c ORDER BY c.at LIMIT $limit
      """;

  // All open changes, oldest first.
  static final String OPEN_ALL =
      """
      MATCH (c:Change {status: 'OPEN'}) RETURN c ORDER BY c.at LIMIT $limit
      """;

  // Resolves open changes; returns the ones this call resolved.
  static final String RESOLVE =
      """
      UNWIND $rows AS row
      MATCH (c:Change {id: row.id, status: 'OPEN'})
      SET c.status = 'RESOLVED', c.resolvedAt = row.at, c.resolvedBy = row.by
      RETURN c.id AS id
      """;

  // One change by id.
  static final String GET =
      """
      MATCH (c:Change {id: $id}) RETURN c
      """;

  // Changes for the API, newest first, optionally about one node, of one kind, in one status.
  static final String LIST =
      """
      MATCH (c:Change)
      WHERE ($subject IS NULL OR c.subject = $subject) AND ($kind IS NULL OR c.kind = $kind)
        AND ($status IS NULL OR c.status = $status)
      RETURN c ORDER BY c.at DESC, c.id SKIP $offset LIMIT $limit
      """;

  // The schema of the versions some runs wrote, the latest earlier version's schema, and whether a later one exists.
  static final String VERSION_SCHEMAS =
      """
      UNWIND $versionIds AS versionId
      MATCH (v:DatasetVersion {versionId: versionId}) WHERE v.schema IS NOT NULL
      CALL (v) {
        OPTIONAL MATCH (p:DatasetVersion {namespace: v.namespace, name: v.name})
        WHERE p.schema IS NOT NULL AND p.versionId <> v.versionId AND p.createdAt < v.createdAt
        RETURN p ORDER BY p.createdAt DESC LIMIT 1
      }
      RETURN v.versionId AS versionId, v.namespace AS namespace, v.name AS name, v.runId AS runId,
             v.schema AS schema, v.createdAt AS at, p.schema AS previous, p.versionId AS previousVersion,
             EXISTS {
               MATCH (l:DatasetVersion {namespace: v.namespace, name: v.name})
               WHERE l.schema IS NOT NULL AND l.versionId <> v.versionId AND l.createdAt > v.createdAt
             } AS superseded
      """;

  // Whether a job has completed a run since each failure: the earliest such completion.
  static final String COMPLETED_SINCE =
      """
      UNWIND $rows AS row
      MATCH (r:Run {jobNamespace: row.namespace, jobName: row.name})
      WHERE r.state = 'COMPLETE' AND r.stateTime > row.at
      RETURN row.id AS id, min(r.stateTime) AS at
      """;

  // Whether a dataset was written successfully since it was dropped or truncated: the earliest such write.
  static final String WRITTEN_SINCE =
      """
      UNWIND $rows AS row
      MATCH (v:DatasetVersion {namespace: row.namespace, name: row.name})
      WHERE v.completedAt > row.at AND NOT coalesce(v.lifecycleState, '') IN ['DROP', 'TRUNCATE']
      RETURN row.id AS id, min(v.completedAt) AS at
      """;

  // Versions of a dataset with a schema written since a breaking change, oldest first.
  static final String SCHEMAS_SINCE =
      """
      UNWIND $rows AS row
      MATCH (v:DatasetVersion {namespace: row.namespace, name: row.name})
      WHERE v.schema IS NOT NULL AND v.createdAt > row.at
      RETURN row.id AS id, v.schema AS schema, v.createdAt AS at ORDER BY at
      """;

  // Quality assertions about a dataset reported since a failed one, oldest first.
  static final String ASSERTIONS_SINCE =
      """
      UNWIND $rows AS row
      MATCH (q:QualityFacet {namespace: row.namespace, name: row.name})
      WHERE q.facet = 'dataQualityAssertions' AND q.eventTime > row.at
      RETURN row.id AS id, q.json AS json, q.eventTime AS at ORDER BY at
      """;

  // Products back in their SLO since they left it.
  static final String BACK_IN_SLO =
      """
      UNWIND $rows AS row
      MATCH (p:DataProduct {name: row.name})
      WHERE p.state = 'IN_SLO' AND p.stateSince >= row.at
      RETURN row.id AS id, p.stateSince AS at
      """;
}
