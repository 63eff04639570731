package io.watershed.alerts.alert;

/**
 * Cypher of alerts. Every write to the alerts of one root cause first takes the write lock of its
 * {@code AlertSeries} node ({@link #LOCK_SERIES}), so replicas raising, resolving, acknowledging or planning the
 * same fingerprint run one after the other, and each reads what the previous one committed.
 */
final class AlertCypher {

  private AlertCypher() {}

  // Creates the root cause's series on first sight and takes its write lock until the transaction ends.
  static final String LOCK_SERIES =
      """
      MERGE (s:AlertSeries {fingerprint: $fingerprint})
      ON CREATE SET s.createdAt = $now, s.rootCauseKind = $kind, s.rootCauseNode = $node
      SET s.lockedAt = $now
      RETURN s.needsPlanAt AS needsPlanAt
      """;

  // Takes the write lock of a series that exists already.
  static final String LOCK_EXISTING =
      """
      MATCH (s:AlertSeries {fingerprint: $fingerprint}) SET s.lockedAt = $now
      """;

  // The firing alerts of a root cause for some products.
  static final String FIRING_FOR_PRODUCTS =
      """
      MATCH (a:Alert {fingerprint: $fingerprint, state: 'FIRING'}) WHERE a.product IN $products
      RETURN a.id AS id, a.product AS product, a.role AS role
      """;

  // Opens alerts for products of the graph (a product deleted meanwhile is skipped).
  static final String CREATE =
      """
      UNWIND $rows AS row
      MATCH (p:DataProduct {name: row.product})
      MATCH (s:AlertSeries {fingerprint: $fingerprint})
      CREATE (a:Alert {id: row.id, fingerprint: $fingerprint, product: row.product, role: row.role, state: 'FIRING',
                       since: $since, createdAt: $now, updatedAt: $now, rootCauseKind: $kind, rootCauseNode: $node,
                       description: $description, evidence: $evidence, path: row.path, productState: row.state,
                       reason: row.reason,
                       domain: coalesce([(p)-[:IN_DOMAIN]->(d:Domain) | d.name][0], p.domain, 'unknown'),
                       severity: toUpper(coalesce(p.severity, 'warning'))})
      CREATE (a)-[:FOR_PRODUCT]->(p)
      CREATE (s)-[:HAS_ALERT]->(a)
      """;

  // Refreshes firing alerts seen again; an AT_RISK alert whose product is now hit directly escalates.
  static final String UPDATE =
      """
      UNWIND $rows AS row
      MATCH (a:Alert {id: row.id})
      SET a.updatedAt = $now, a.description = $description, a.evidence = $evidence
      FOREACH (_ IN CASE WHEN row.escalate THEN [1] ELSE [] END |
        SET a.role = 'DIRECT', a.path = row.path, a.productState = row.state, a.reason = row.reason)
      """;

  // Ties the firing alerts of some products to the given changes: they stay open while any of them is open.
  static final String LINK_CHANGES =
      """
      MATCH (a:Alert {fingerprint: $fingerprint, state: 'FIRING'}) WHERE a.product IN $products
      MATCH (c:Change) WHERE c.id IN $changeIds
      MERGE (a)-[:CAUSED_BY]->(c)
      """;

  // Ties the firing alerts of some products to every open change with the same fingerprint.
  static final String LINK_OPEN_CHANGES =
      """
      MATCH (c:Change {fingerprint: $fingerprint, status: 'OPEN'})
      MATCH (a:Alert {fingerprint: $fingerprint, state: 'FIRING'}) WHERE a.product IN $products
      MERGE (a)-[:CAUSED_BY]->(c)
      """;

  // Asks the planner to look at a series no later than $at.
  static final String PLAN_BY =
      """
      MATCH (s:AlertSeries {fingerprint: $fingerprint})
      SET s.needsPlanAt = CASE WHEN s.needsPlanAt IS NULL OR s.needsPlanAt > $at THEN $at ELSE s.needsPlanAt END
      """;

  // Resolves firing alerts whose changes are all resolved, at the time the last of them ended.
  static final String RESOLVE_RECOVERED =
      """
      MATCH (a:Alert {fingerprint: $fingerprint, state: 'FIRING'})
      WHERE EXISTS { (a)-[:CAUSED_BY]->(:Change) } AND NOT EXISTS { (a)-[:CAUSED_BY]->(:Change {status: 'OPEN'}) }
      WITH a, reduce(last = null, t IN [(a)-[:CAUSED_BY]->(c:Change) | c.resolvedAt] |
                     CASE WHEN last IS NULL OR t > last THEN t ELSE last END) AS last
      SET a.state = 'RESOLVED', a.resolvedBy = 'RECOVERED', a.updatedAt = $now,
          a.resolvedAt = CASE WHEN last IS NULL OR last < a.since THEN a.since ELSE last END
      RETURN count(a) AS resolved
      """;

  // Root causes with firing alerts tied to any of these changes.
  static final String FINGERPRINTS_OF_CHANGES =
      """
      MATCH (c:Change) WHERE c.id IN $ids
      MATCH (a:Alert {state: 'FIRING'})-[:CAUSED_BY]->(c)
      RETURN DISTINCT a.fingerprint AS fingerprint
      """;

  // Root causes with a firing alert none of whose changes is open (left over by a crash between two writes).
  static final String FINGERPRINTS_TO_RESOLVE =
      """
      MATCH (a:Alert {state: 'FIRING'})
      WHERE NOT EXISTS { (a)-[:CAUSED_BY]->(:Change {status: 'OPEN'}) }
      RETURN DISTINCT a.fingerprint AS fingerprint LIMIT $limit
      """;

  // Records an acknowledgement; where acknowledging ends the problem, resolves the alert too.
  static final String ACKNOWLEDGE =
      """
      MATCH (a:Alert {id: $id})
      SET a.acknowledgedAt = $now, a.acknowledgedBy = $by, a.acknowledgeComment = $comment, a.updatedAt = $now
      WITH a
      WHERE a.state = 'FIRING' AND a.rootCauseKind IN $resolvingKinds
      SET a.state = 'RESOLVED', a.resolvedBy = 'ACKNOWLEDGED',
          a.resolvedAt = CASE WHEN $now < a.since THEN a.since ELSE $now END
      RETURN a.id AS id
      """;

  // The fingerprint of one alert.
  static final String FINGERPRINT_OF =
      """
      MATCH (a:Alert {id: $id}) RETURN a.fingerprint AS fingerprint
      """;

  // One alert.
  static final String GET =
      """
      MATCH (a:Alert {id: $id}) RETURN a
      """;

  // Alerts by id.
  static final String BY_IDS =
      """
      MATCH (a:Alert) WHERE a.id IN $ids RETURN a
      """;

  // The firing alerts of one root cause.
  static final String FIRING_OF =
      """
      MATCH (a:Alert {fingerprint: $fingerprint, state: 'FIRING'}) RETURN a
      """;

  // Alerts for the API, newest first.
  static final String LIST =
      """
      MATCH (a:Alert)
      WHERE ($state IS NULL OR a.state = $state) AND ($product IS NULL OR a.product = $product)
        AND ($fingerprint IS NULL OR a.fingerprint = $fingerprint)
      RETURN a ORDER BY a.since DESC, a.id SKIP $offset LIMIT $limit
      """;
}
