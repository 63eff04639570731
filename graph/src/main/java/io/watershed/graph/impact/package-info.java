/**
 * Impact and root cause: bounded breadth-first walks over the provenance graph.
 *
 * <p>{@link io.watershed.graph.impact.ImpactAnalysis} follows a change downstream (job-level lineage, and column
 * lineage where it exists) to the data products exposing affected datasets, their owners and consumers.
 * {@link io.watershed.graph.impact.RootCauseAnalysis} walks upstream from a product and names the failing, stale
 * or changed nodes nearest the source. Both expand a whole BFS level per query and keep one parent pointer per
 * visited node, so every answer carries the path that explains it at a cost that grows with the nodes reached.
 * The Cypher lives in {@code ImpactCypher}.
 */
package io.watershed.graph.impact;
