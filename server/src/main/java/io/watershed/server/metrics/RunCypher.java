package io.watershed.server.metrics;

/** Cypher of the producer meters. Every statement takes parameters only. */
final class RunCypher {

  private RunCypher() {}

  // Start times of finished runs: the earliest START event and the scheduled (nominal) start, when known.
  static final String START_TIMES =
      """
      UNWIND $runIds AS runId
      MATCH (r:Run {runId: runId})
      RETURN r.runId AS runId, r.startedAt AS startedAt, r.nominalStartTime AS nominalStartTime
      """;

  // Datasets the given jobs have written (at most $limit each), for finished runs whose event listed no outputs.
  static final String JOB_OUTPUTS =
      """
      UNWIND $jobs AS job
      CALL (job) {
        MATCH (:Job {namespace: job.namespace, name: job.name})-[:WRITES]->(d:Dataset)
        RETURN d LIMIT $limit
      }
      RETURN job.namespace AS jobNamespace, job.name AS jobName, d.namespace AS namespace, d.name AS name
      """;

  // Latest successful run per product and producing job among runs that finished since $since; it starts from the
  // run_state_time index, so its cost follows recent activity, not all history.
  static final String LAST_SUCCESS =
      """
      MATCH (r:Run) WHERE r.stateTime >= $since AND r.state = 'COMPLETE'
      MATCH (r)-[:PRODUCED]->(:DatasetVersion)-[:VERSION_OF]->(:Dataset)<-[:EXPOSES]-(p:DataProduct)
      WHERE p.deletedAt IS NULL
      RETURN p.name AS product, r.jobNamespace AS jobNamespace, r.jobName AS jobName, max(r.stateTime) AS lastSuccess
      """;
}
