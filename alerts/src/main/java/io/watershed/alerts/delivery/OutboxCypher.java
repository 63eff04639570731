package io.watershed.alerts.delivery;

/**
 * Cypher of the outbox. Claims and outcomes follow Neo4j's lock idiom: a first {@code SET} takes the node's write
 * lock, then the conditions are checked again, so of two workers that matched the same notification only the first
 * to lock it sees it free; the other sees the lease and leaves it.
 */
final class OutboxCypher {

  private OutboxCypher() {}

  // Records notifications before anything is sent; a notification planned twice (same id) is recorded once.
  static final String ENQUEUE =
      """
      UNWIND $rows AS row
      MERGE (n:Notification {id: row.id})
      ON CREATE SET n.fingerprint = row.fingerprint, n.seq = row.seq, n.kind = row.kind,
                    n.recipientKey = row.recipientKey, n.routeType = row.routeType, n.route = row.route,
                    n.display = row.display, n.alertIds = row.alertIds, n.products = row.products,
                    n.payload = row.payload, n.status = 'PENDING', n.attempts = 0, n.createdAt = $now,
                    n.nextAttemptAt = $now
      WITH n, row
      UNWIND row.alertIds AS alertId
      MATCH (a:Alert {id: alertId})
      MERGE (n)-[:ABOUT_ALERT]->(a)
      """;

  // Claims due notifications whose lease is free or expired, skipping saturated channel types. It locks a few more
  // candidates than it needs ($candidates), in a fixed order, so a worker that loses some to another still fills its
  // slots; locks are released at commit.
  static final String CLAIM =
      """
      MATCH (n:Notification)
      WHERE n.nextAttemptAt <= $now AND n.status IN ['PENDING', 'SENDING']
        AND (n.leaseUntil IS NULL OR n.leaseUntil < $now) AND NOT n.routeType IN $saturated
      WITH n ORDER BY n.nextAttemptAt, n.id LIMIT $candidates
      SET n.lockedBy = $owner
      WITH n
      WHERE n.nextAttemptAt <= $now AND n.status IN ['PENDING', 'SENDING']
        AND (n.leaseUntil IS NULL OR n.leaseUntil < $now)
      WITH n ORDER BY n.nextAttemptAt, n.id LIMIT $limit
      SET n.status = 'SENDING', n.leaseOwner = $owner, n.leaseUntil = $leaseUntil,
          n.attempts = coalesce(n.attempts, 0) + 1, n.lastAttemptAt = $now
      RETURN n.id AS id, n.routeType AS routeType, n.route AS route, n.payload AS payload, n.attempts AS attempts
      """;

  // Marks a notification delivered. Unconditional on the lease: once a receiver accepted it, nobody should send it
  // again, whoever holds the lease now.
  static final String DELIVERED =
      """
      MATCH (n:Notification {id: $id})
      SET n.lockedBy = $owner
      WITH n WHERE n.status <> 'DELIVERED'
      SET n.status = 'DELIVERED', n.deliveredAt = $now, n.deliveredBy = $owner, n.nextAttemptAt = null,
          n.leaseOwner = null, n.leaseUntil = null
      RETURN n.id AS id
      """;

  // Records a failed attempt: back to PENDING at $next, or DEAD when $next is null. Only the lease holder may.
  static final String FAILED =
      """
      MATCH (n:Notification {id: $id})
      SET n.lockedBy = $owner
      WITH n WHERE n.status = 'SENDING' AND n.leaseOwner = $owner
      SET n.status = CASE WHEN $next IS NULL THEN 'DEAD' ELSE 'PENDING' END, n.nextAttemptAt = $next,
          n.lastError = $error, n.leaseOwner = null, n.leaseUntil = null
      RETURN n.id AS id
      """;

  // The latest notification to each recipient about one root cause: what each was last told.
  static final String LATEST_PER_RECIPIENT =
      """
      MATCH (n:Notification {fingerprint: $fingerprint})
      WITH n ORDER BY n.seq DESC
      WITH n.recipientKey AS key, collect(n)[0] AS last
      RETURN key, last.kind AS kind, last.seq AS seq, last.alertIds AS alertIds, last.routeType AS routeType,
             last.route AS route, last.display AS display, last.createdAt AS createdAt
      """;

  // Notifications for the API, newest first.
  static final String LIST =
      """
      MATCH (n:Notification)
      WHERE ($status IS NULL OR n.status = $status) AND ($fingerprint IS NULL OR n.fingerprint = $fingerprint)
        AND ($alertId IS NULL OR $alertId IN n.alertIds)
      RETURN n ORDER BY n.createdAt DESC, n.id SKIP $offset LIMIT $limit
      """;
}
