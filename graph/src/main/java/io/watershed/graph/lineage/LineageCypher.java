package io.watershed.graph.lineage;

/** Read-side Cypher of lineage traversals; each statement expands one BFS level for a batch of nodes. */
final class LineageCypher {

  private LineageCypher() {}

  // Which node has this dataset or job key? (start of a traversal)
  static final String FIND_DATASET =
      """
      MATCH (n:Dataset {namespace: $namespace, name: $name}) RETURN elementId(n) AS id
      """;

  static final String FIND_JOB =
      """
      MATCH (n:Job {namespace: $namespace, name: $name}) RETURN elementId(n) AS id
      """;

  static final String FIND_FIELD =
      """
      MATCH (n:Field {namespace: $namespace, dataset: $name, name: $field}) RETURN elementId(n) AS id
      """;

  // Downstream neighbours of datasets and jobs: jobs reading a dataset, datasets a job writes, aliases of a dataset.
  static final String DOWNSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n) WHERE elementId(n) = id
      CALL (n) {
        MATCH (n:Dataset)<-[:READS]-(m:Job) RETURN m, 'READS' AS rel
        UNION
        MATCH (n:Job)-[:WRITES]->(m:Dataset) RETURN m, 'WRITES' AS rel
        UNION
        MATCH (n:Dataset)-[:SYMLINK_OF]-(m:Dataset) RETURN m, 'SYMLINK_OF' AS rel
      }
      RETURN id AS from, elementId(m) AS to, rel,
             CASE WHEN m:Job THEN 'JOB' ELSE 'DATASET' END AS type, m.namespace AS namespace, m.name AS name
      LIMIT $max
      """;

  // Upstream neighbours: jobs writing a dataset, datasets a job reads, aliases of a dataset.
  static final String UPSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n) WHERE elementId(n) = id
      CALL (n) {
        MATCH (n:Dataset)<-[:WRITES]-(m:Job) RETURN m, 'WRITES' AS rel
        UNION
        MATCH (n:Job)-[:READS]->(m:Dataset) RETURN m, 'READS' AS rel
        UNION
        MATCH (n:Dataset)-[:SYMLINK_OF]-(m:Dataset) RETURN m, 'SYMLINK_OF' AS rel
      }
      RETURN id AS from, elementId(m) AS to, rel,
             CASE WHEN m:Job THEN 'JOB' ELSE 'DATASET' END AS type, m.namespace AS namespace, m.name AS name
      LIMIT $max
      """;

  // Downstream column lineage: fields derived from these fields.
  static final String FIELDS_DOWNSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Field)<-[:DERIVES_FROM]-(m:Field) WHERE elementId(n) = id
      RETURN id AS from, elementId(m) AS to, 'DERIVES_FROM' AS rel, 'DATASET_FIELD' AS type,
             m.namespace AS namespace, m.dataset AS name, m.name AS field
      LIMIT $max
      """;

  // Upstream column lineage: fields these fields derive from.
  static final String FIELDS_UPSTREAM =
      """
      UNWIND $ids AS id
      MATCH (n:Field)-[:DERIVES_FROM]->(m:Field) WHERE elementId(n) = id
      RETURN id AS from, elementId(m) AS to, 'DERIVES_FROM' AS rel, 'DATASET_FIELD' AS type,
             m.namespace AS namespace, m.dataset AS name, m.name AS field
      LIMIT $max
      """;

  // All fields of a dataset (column lineage starting from a whole dataset).
  static final String FIELDS_OF_DATASET =
      """
      MATCH (f:Field)-[:FIELD_OF]->(:Dataset {namespace: $namespace, name: $name})
      RETURN elementId(f) AS id, f.name AS field
      """;

  // Summaries of the datasets and jobs a traversal reached.
  static final String SUMMARIES =
      """
      UNWIND $ids AS id
      MATCH (n) WHERE elementId(n) = id
      RETURN id, CASE WHEN n:Job THEN 'JOB' WHEN n:Field THEN 'DATASET_FIELD' ELSE 'DATASET' END AS type,
             n {.namespace, .name, .dataset, .type, .description, .createdAt, .updatedAt, .lastModifiedAt,
                .lifecycleState, .sourceName, .inSchema, .integration, .processingType} AS props
      """;
}
