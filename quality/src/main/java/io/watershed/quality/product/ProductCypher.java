package io.watershed.quality.product;

/** Cypher of the product registry. Every statement takes parameters only. */
final class ProductCypher {

  private ProductCypher() {}

  // The current version of a product, its source and the hash of its current document (deleted ones too).
  static final String CURRENT =
      """
      MATCH (p:DataProduct {name: $name})
      OPTIONAL MATCH (p)-[:HAS_CONTRACT]->(v:ContractVersion {version: p.contractVersion})
      RETURN p.contractVersion AS version, p.deletedAt AS deletedAt, p.source AS source, v.hash AS hash,
             p.activeSince AS activeSince, p.updatedAt AS updatedAt
      """;

  // Creates or updates a product's own properties from its contract; (re)activates it.
  static final String UPSERT_PRODUCT =
      """
      MERGE (p:DataProduct {name: $name})
      ON CREATE SET p.createdAt = $now
      SET p += $props, p.updatedAt = $now,
          p.activeSince = CASE WHEN $reactivate OR p.activeSince IS NULL THEN $now ELSE p.activeSince END
      REMOVE p.deletedAt
      """;

  // Keeps a contract version; versions are never changed or deleted.
  static final String ADD_VERSION =
      """
      MATCH (p:DataProduct {name: $name})
      CREATE (v:ContractVersion {product: $name, version: $version})
      SET v.format = $format, v.document = $document, v.source = $source, v.createdAt = $now, v.hash = $hash,
          v.declaredVersion = $declaredVersion
      CREATE (p)-[:HAS_CONTRACT]->(v)
      """;

  // Removes the links that the contract defines (domain, owners, output ports), before they are made again.
  static final String UNLINK =
      """
      MATCH (p:DataProduct {name: $name})
      CALL (p) { MATCH (p)-[r:EXPOSES|IN_DOMAIN]->() DELETE r }
      CALL (p) { MATCH (:Owner)-[r:OWNS_PRODUCT]->(p) DELETE r }
      """;

  // Links a product to its domain, owners and output ports; a port not written yet gets a bare Dataset node, which
  // the lineage writer completes when the first event names it.
  static final String LINK =
      """
      MATCH (p:DataProduct {name: $name})
      CALL (p) {
        WITH p WHERE $domain IS NOT NULL
        MERGE (d:Domain {name: $domain})
        MERGE (p)-[:IN_DOMAIN]->(d)
      }
      CALL (p) {
        UNWIND $owners AS owner
        MERGE (o:Owner {name: owner})
        MERGE (o)-[:OWNS_PRODUCT]->(p)
      }
      CALL (p) {
        UNWIND $ports AS port
        MERGE (d:Dataset {namespace: port.namespace, name: port.name})
        MERGE (p)-[:EXPOSES]->(d)
      }
      """;

  // Deletes a product softly: its contract versions and SLO history stay, its open interval ends now.
  static final String SOFT_DELETE =
      """
      MATCH (p:DataProduct {name: $name}) WHERE p.deletedAt IS NULL
      SET p.deletedAt = $now, p.updatedAt = $now
      REMOVE p.nextDeadline
      WITH p
      CALL (p) { MATCH (p)-[r:EXPOSES|IN_DOMAIN]->() DELETE r }
      CALL (p) { MATCH (:Owner)-[r:OWNS_PRODUCT]->(p) DELETE r }
      CALL (p) { MATCH (p)-[:HAD_STATE]->(i:SloInterval) WHERE i.to IS NULL SET i.to = $now }
      RETURN p.name AS name
      """;

  // Every active product with its current contract document, to rebuild the registry at start.
  static final String LOAD_ACTIVE =
      """
      MATCH (p:DataProduct) WHERE p.deletedAt IS NULL
      MATCH (p)-[:HAS_CONTRACT]->(v:ContractVersion {version: p.contractVersion})
      RETURN p.name AS name, v.document AS document, v.version AS version, p.source AS source,
             p.activeSince AS activeSince, p.updatedAt AS updatedAt
      ORDER BY p.name
      """;

  // The versions of a product's contract, newest first, without their documents.
  static final String VERSIONS =
      """
      MATCH (:DataProduct {name: $name})-[:HAS_CONTRACT]->(v:ContractVersion)
      RETURN v.version AS version, v.format AS format, v.source AS source, v.createdAt AS createdAt,
             v.declaredVersion AS declaredVersion, v.hash AS hash
      ORDER BY v.version DESC
      """;

  // One contract version's document.
  static final String VERSION_DOCUMENT =
      """
      MATCH (:DataProduct {name: $name})-[:HAS_CONTRACT]->(v:ContractVersion {version: $version})
      RETURN v.document AS document, v.format AS format
      """;

  // Active products, a page at a time, with their recorded state (optionally of one domain).
  static final String LIST =
      """
      MATCH (p:DataProduct) WHERE p.deletedAt IS NULL AND ($domain IS NULL OR p.domain = $domain)
      RETURN p {.name, .domain, .description, .severity, .contractVersion, .contractFormat, .source, .state,
                .stateSince, .stateReasons, .evaluatedAt} AS p
      ORDER BY p.name SKIP $offset LIMIT $limit
      """;

  // How many active products there are (optionally in one domain).
  static final String COUNT =
      """
      MATCH (p:DataProduct) WHERE p.deletedAt IS NULL AND ($domain IS NULL OR p.domain = $domain)
      RETURN count(p) AS total
      """;

  // A product's recorded SLO state.
  static final String STATE =
      """
      MATCH (p:DataProduct {name: $name}) WHERE p.deletedAt IS NULL
      RETURN p.state AS state, p.stateSince AS stateSince, p.stateReasons AS stateReasons,
             p.evaluatedAt AS evaluatedAt, p.nextDeadline AS nextDeadline
      """;
}
