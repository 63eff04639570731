package io.watershed.graph.write;

/**
 * The write path's Cypher, one statement per kind of row, each run once per batch with {@code UNWIND $rows}. Every
 * statement is idempotent and order-independent (see docs/graph-model.md, "Merge rules"): first/last times use
 * min/max, "latest wins" values compare event times first.
 *
 * <p>Every statement starts with {@code CYPHER replan=skip}: each plan is a MERGE by unique key whatever the
 * statistics say, and re-planning all of them every time the growing graph's statistics drift (the default) cost
 * ~8% of the ingest writer's CPU in the benchmark.
 */
final class WriteCypher {

  private WriteCypher() {}

  /** The constant's name of a statement (JOBS, DATASETS ...), for metrics and logs. */
  static String nameOf(String cypher) {
    for (java.lang.reflect.Field f : WriteCypher.class.getDeclaredFields()) {
      try {
        if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())
            && !java.lang.reflect.Modifier.isPrivate(f.getModifiers()) && cypher.equals(f.get(null))) {
          return f.getName();
        }
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    return "OTHER";
  }

  /*
   * Facet merge, shared by jobs, runs, datasets and versions: for each facet key the facet from the latest event wins
   * (ties: the larger JSON, so the outcome never depends on arrival order); its derived properties move with it.
   */
  private static final String MERGE_FACETS_OF_N =
      """
      FOREACH (k IN keys(row.facets) |
        FOREACH (_ IN CASE WHEN n['facetTime.' + k] IS NULL OR row.facetTimes[k] > n['facetTime.' + k]
                         OR (row.facetTimes[k] = n['facetTime.' + k] AND row.facets[k] > n['facet.' + k])
                      THEN [1] ELSE [] END |
          SET n['facet.' + k] = row.facets[k], n['facetTime.' + k] = row.facetTimes[k]
          SET n += coalesce(row.derived[k], {})))
      """;

  /* First and last event time of a merged row (minTime, maxTime). */
  private static final String TOUCH_TIMES_OF_N =
      """
      SET n.createdAt = CASE WHEN n.createdAt IS NULL OR row.minTime < n.createdAt THEN row.minTime ELSE n.createdAt END,
          n.updatedAt = CASE WHEN n.updatedAt IS NULL OR row.maxTime > n.updatedAt THEN row.maxTime ELSE n.updatedAt END
      """;

  // Upserts namespaces, one row per namespace of the batch.
  static final String NAMESPACES =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MERGE (n:Namespace {name: row.name})
      """
          + TOUCH_TIMES_OF_N;

  /*
   * Right after a MERGE: true when no lineage write has touched the node before (rows are unique per node, see
   * WriteRows), so its structural relationships are created once, here, and never re-matched.
   */
  private static final String CREATED =
      """
      WITH n, row, n.createdAt IS NULL AS created
      """;

  // Upserts jobs with their facets, in their namespace (NAMESPACES ran first).
  static final String JOBS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MERGE (n:Job {namespace: row.namespace, name: row.name})
      """
          + CREATED
          + TOUCH_TIMES_OF_N
          + MERGE_FACETS_OF_N
          + """
      WITH n, row, created WHERE created
      MATCH (ns:Namespace {name: row.namespace})
      CREATE (n)-[:IN_NAMESPACE]->(ns)
      """;

  // Upserts datasets with their facets, last successful update and current schema, in their namespace.
  static final String DATASETS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MERGE (n:Dataset {namespace: row.namespace, name: row.name})
      """
          + CREATED
          + TOUCH_TIMES_OF_N
          + MERGE_FACETS_OF_N
          + """
      SET n.lastModifiedAt = CASE WHEN row.modifiedTime IS NOT NULL
                                   AND (n.lastModifiedAt IS NULL OR row.modifiedTime > n.lastModifiedAt)
                                  THEN row.modifiedTime ELSE n.lastModifiedAt END
      FOREACH (_ IN CASE WHEN row.schema IS NOT NULL AND (n.schemaTime IS NULL OR row.schemaTime > n.schemaTime
                            OR (row.schemaTime = n.schemaTime AND row.schema > n.schema)) THEN [1] ELSE [] END |
        SET n.schema = row.schema, n.schemaTime = row.schemaTime, n.schemaDigest = row.schemaDigest)
      FOREACH (_ IN CASE WHEN row.columnLineageDigest IS NOT NULL
                            AND (n.columnLineageTime IS NULL OR row.columnLineageTime > n.columnLineageTime
                              OR (row.columnLineageTime = n.columnLineageTime
                                  AND row.columnLineageDigest > n.columnLineageDigest)) THEN [1] ELSE [] END |
        SET n.columnLineageDigest = row.columnLineageDigest, n.columnLineageTime = row.columnLineageTime)
      WITH n, row, created WHERE created
      MATCH (ns:Namespace {name: row.namespace})
      CREATE (n)-[:IN_NAMESPACE]->(ns)
      """;

  /*
   * Makes the Field nodes of each dataset's current schema and retires the fields it no longer lists. Runs only when
   * the schema that won in DATASETS is not the one the fields already show (fieldsDigest), so an unchanged schema,
   * resent with every run, costs one index seek.
   */
  static final String SCHEMA_FIELDS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      WHERE d.schemaDigest = row.digest AND coalesce(d.fieldsDigest, '') <> row.digest
      SET d.fieldsDigest = row.digest
      WITH d, row
      CALL (d, row) {
        UNWIND row.fields AS f
        MERGE (field:Field {namespace: d.namespace, dataset: d.name, name: f.name})
        SET field.type = f.type, field.description = f.description, field.inSchema = true
        MERGE (field)-[:FIELD_OF]->(d)
      }
      WITH d, [f IN row.fields | f.name] AS current
      MATCH (old:Field)-[:FIELD_OF]->(d)
      WHERE old.inSchema = true AND NOT old.name IN current
      SET old.inSchema = false
      """;

  /* A run by id, its job named when it is created, its first and last event times. */
  private static final String MERGE_RUN =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MERGE (n:Run {runId: row.runId})
      ON CREATE SET n.jobNamespace = row.jobNamespace, n.jobName = row.jobName
      """
          + CREATED
          + TOUCH_TIMES_OF_N;

  /* A run created by this statement gets its link to its job, once. */
  private static final String LINK_CREATED_RUN_TO_JOB =
      """
      WITH n, row, created WHERE created
      MATCH (job:Job {namespace: row.jobNamespace, name: row.jobName})
      CREATE (n)-[:RUN_OF]->(job)
      """;

  // Upserts runs: the job link (made with the run), the state machine (rank, then event time), start/end and facets.
  static final String RUNS =
      MERGE_RUN
          + """
      SET n.startedAt = CASE WHEN row.startTime IS NOT NULL AND (n.startedAt IS NULL OR row.startTime < n.startedAt)
                             THEN row.startTime ELSE n.startedAt END
      FOREACH (_ IN CASE WHEN row.state IS NOT NULL AND (n.stateRank IS NULL OR row.rank > n.stateRank
                            OR (row.rank = n.stateRank AND (row.stateTime > n.stateTime
                                OR (row.stateTime = n.stateTime AND row.state > n.state)))) THEN [1] ELSE [] END |
        SET n.state = row.state, n.stateRank = row.rank, n.stateTime = row.stateTime)
      SET n.endedAt = CASE WHEN n.stateRank = 2 THEN n.stateTime ELSE null END
      """
          + MERGE_FACETS_OF_N
          + LINK_CREATED_RUN_TO_JOB;

  // Links child jobs to their parent jobs (one row per pair in the batch).
  static final String JOB_PARENTS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (child:Job {namespace: row.jobNamespace, name: row.jobName})
      MATCH (parentJob:Job {namespace: row.parentNamespace, name: row.parentName})
      MERGE (child)-[:CHILD_OF]->(parentJob)
      """;

  // Parent runs named by children (one row per parent run); one not seen before is created bare, with its job link.
  static final String PARENT_RUNS = MERGE_RUN + LINK_CREATED_RUN_TO_JOB;

  // Links child runs to their parent runs.
  static final String RUN_CHILD_OF =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (run:Run {runId: row.runId})
      MATCH (parent:Run {runId: row.parentRunId})
      MERGE (run)-[:CHILD_OF]->(parent)
      """;

  // Job-level reads (one row per job and dataset in the batch), first and last seen.
  static final String JOB_READS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
      MERGE (j)-[e:READS]->(d)
      SET e.firstSeen = CASE WHEN e.firstSeen IS NULL OR row.minTime < e.firstSeen THEN row.minTime ELSE e.firstSeen END,
          e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.maxTime > e.lastSeen THEN row.maxTime ELSE e.lastSeen END
      """;

  // Run-level reads: which datasets a run read.
  static final String RUN_READS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      MATCH (r:Run {runId: row.runId})
      MERGE (r)-[x:READ]->(d)
      SET x.eventTime = CASE WHEN x.eventTime IS NULL OR row.eventTime < x.eventTime THEN row.eventTime ELSE x.eventTime END
      """;

  // Job-level writes (one row per job and dataset in the batch), first and last seen.
  static final String JOB_WRITES =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      MATCH (j:Job {namespace: row.jobNamespace, name: row.jobName})
      MERGE (j)-[e:WRITES]->(d)
      SET e.firstSeen = CASE WHEN e.firstSeen IS NULL OR row.minTime < e.firstSeen THEN row.minTime ELSE e.firstSeen END,
          e.lastSeen = CASE WHEN e.lastSeen IS NULL OR row.maxTime > e.lastSeen THEN row.maxTime ELSE e.lastSeen END
      """;

  // Dataset versions: one per (dataset, run) or per DatasetEvent, linked to the dataset and run when created.
  static final String VERSIONS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MERGE (n:DatasetVersion {versionId: row.versionId})
      ON CREATE SET n.namespace = row.namespace, n.name = row.name, n.runId = row.runId
      """
          + CREATED
          + TOUCH_TIMES_OF_N
          + """
      SET n.completedAt = CASE WHEN row.completedTime IS NOT NULL
                                AND (n.completedAt IS NULL OR row.completedTime > n.completedAt)
                               THEN row.completedTime ELSE n.completedAt END
      FOREACH (_ IN CASE WHEN row.schema IS NOT NULL AND (n.schemaTime IS NULL OR row.schemaTime > n.schemaTime
                            OR (row.schemaTime = n.schemaTime AND row.schema > n.schema)) THEN [1] ELSE [] END |
        SET n.schema = row.schema, n.schemaTime = row.schemaTime)
      """
          + MERGE_FACETS_OF_N
          + """
      WITH n, row, created WHERE created
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      CREATE (n)-[:VERSION_OF]->(d)
      WITH n, row WHERE row.runId IS NOT NULL
      MATCH (r:Run {runId: row.runId})
      CREATE (r)-[:PRODUCED]->(n)
      """;

  /*
   * Column lineage: the DERIVES_FROM edges of a dataset's fields show its latest column lineage. Runs only when the
   * lineage that won in DATASETS (columnLineageDigest) is not the one the edges already show, so lineage resent
   * unchanged with every run costs one index seek. Old edges go, and with them the fields that only column lineage
   * had made (never in a schema) and nothing references any more.
   */
  static final String COLUMN_LINEAGE =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      WHERE d.columnLineageDigest = row.digest AND coalesce(d.columnLineageEdges, '') <> row.digest
      SET d.columnLineageEdges = row.digest
      WITH d, row
      CALL (d) {
        MATCH (out:Field)-[:FIELD_OF]->(d)
        MATCH (out)-[old:DERIVES_FROM]->(in:Field)
        DELETE old
        WITH collect(DISTINCT out) + collect(DISTINCT in) AS touched
        UNWIND touched AS f
        WITH DISTINCT f
        WHERE f.inSchema IS NULL AND NOT EXISTS { (f)-[:DERIVES_FROM]-() }
        DETACH DELETE f
      }
      CALL (d, row) {
        UNWIND row.edges AS e
        MATCH (src:Dataset {namespace: e.inNamespace, name: e.inName})
        MERGE (out:Field {namespace: d.namespace, dataset: d.name, name: e.field})
        MERGE (out)-[:FIELD_OF]->(d)
        MERGE (in:Field {namespace: e.inNamespace, dataset: e.inName, name: e.inField})
        MERGE (in)-[:FIELD_OF]->(src)
        MERGE (out)-[x:DERIVES_FROM]->(in)
        SET x.transformations = e.transformations
      }
      """;

  // Symlinks: another identifier of the same data.
  static final String SYMLINKS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      MATCH (t:Dataset {namespace: row.targetNamespace, name: row.targetName})
      MERGE (d)-[s:SYMLINK_OF {type: row.type}]->(t)
      """;

  // Owners of jobs.
  static final String JOB_OWNERS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (j:Job {namespace: row.namespace, name: row.name})
      MERGE (o:Owner {name: row.owner})
      MERGE (o)-[x:OWNS {type: row.type}]->(j)
      """;

  // Owners of datasets.
  static final String DATASET_OWNERS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      MERGE (o:Owner {name: row.owner})
      MERGE (o)-[x:OWNS {type: row.type}]->(d)
      """;

  /*
   * Quality-related input/output facets, one node per (event, dataset, facet), for the quality module. They never
   * change once written, so existing ones are skipped (a resent event) and new ones created with their link; a
   * concurrent writer creating the same one fails on the key constraint and the event is retried alone.
   */
  static final String QUALITY_FACETS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      OPTIONAL MATCH (old:QualityFacet {id: row.id})
      WITH row WHERE old IS NULL
      MATCH (d:Dataset {namespace: row.namespace, name: row.name})
      CREATE (q:QualityFacet {id: row.id, namespace: row.namespace, name: row.name, runId: row.runId, facet: row.facet,
                              json: row.json, eventTime: row.eventTime, side: row.side, eventType: row.eventType})
      CREATE (q)-[:ABOUT]->(d)
      """;

  // The raw events, linked to their runs; like quality facets they never change, so a resent event is skipped.
  static final String EVENTS =
      """
      CYPHER replan=skip
      UNWIND $rows AS row
      OPTIONAL MATCH (old:Event {eventId: row.eventId})
      WITH row WHERE old IS NULL
      CREATE (e:Event {eventId: row.eventId, kind: row.kind, eventType: row.eventType, eventTime: row.eventTime,
                       producer: row.producer, schemaURL: row.schemaURL, runId: row.runId,
                       jobNamespace: row.jobNamespace, jobName: row.jobName, receivedAt: row.receivedAt,
                       payload: row.payload})
      WITH e, row WHERE row.runId IS NOT NULL
      MATCH (r:Run {runId: row.runId})
      CREATE (e)-[:ABOUT_RUN]->(r)
      """;
}
