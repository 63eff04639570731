package io.watershed.server.metrics;

/**
 * Cypher of the consumer meters. Every statement takes parameters only. A consumer of a product is a job that read
 * one of its output ports, is not one of its producers (it does not write a port of the product) and is not a test
 * job ({@code jobType} {@code TEST}, as dbt and validation integrations report); a job's domains are the domains of
 * the products it writes.
 */
final class ConsumerCypher {

  private ConsumerCypher() {}

  // Per active product (the first $maxProducts by name): its consumer jobs within the lookback, and their domains.
  static final String CONSUMERS =
      """
      MATCH (p:DataProduct) WHERE p.deletedAt IS NULL
      WITH p ORDER BY p.name LIMIT $maxProducts
      OPTIONAL MATCH (p)-[:EXPOSES]->(:Dataset)<-[r:READS]-(j:Job)
      WHERE r.lastSeen >= $since AND coalesce(toUpper(j.type), '') <> 'TEST'
        AND NOT EXISTS { (j)-[:WRITES]->(:Dataset)<-[:EXPOSES]-(p) }
      WITH p, collect(DISTINCT j) AS jobs
      RETURN p.name AS product, coalesce(p.domain, '') AS domain, size(jobs) AS consumerJobs,
             COLLECT {
               UNWIND jobs AS j
               MATCH (j)-[:WRITES]->(:Dataset)<-[:EXPOSES]-(q:DataProduct)
               WHERE q.deletedAt IS NULL AND q.domain IS NOT NULL
               RETURN DISTINCT q.domain
             } AS consumerDomains
      """;

  // Per active product: runs of its consumer jobs that read an output port and whose state last changed since
  // $since (and since $sinceShort); it starts from the run_state_time index, so its cost follows recent activity.
  static final String READS =
      """
      MATCH (r:Run) WHERE r.stateTime >= $since
      MATCH (r)-[:READ]->(:Dataset)<-[:EXPOSES]-(p:DataProduct)
      WHERE p.deletedAt IS NULL
      MATCH (r)-[:RUN_OF]->(j:Job)
      WHERE coalesce(toUpper(j.type), '') <> 'TEST' AND NOT EXISTS { (j)-[:WRITES]->(:Dataset)<-[:EXPOSES]-(p) }
      RETURN p.name AS product, count(DISTINCT r) AS reads,
             count(DISTINCT CASE WHEN r.stateTime >= $sinceShort THEN r END) AS readsShort
      """;
}
