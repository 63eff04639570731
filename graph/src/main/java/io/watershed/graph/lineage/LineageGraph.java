package io.watershed.graph.lineage;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The answer to a lineage question, in Marquez's {@code LineageGraph} shape, plus what Marquez lacks: whether the
 * answer was cut, and why.
 *
 * @param truncated true when the depth or node limit stopped the walk while there was more to see
 * @param truncatedBy {@code depth} or {@code nodeLimit} when truncated
 */
public record LineageGraph(
    List<GraphNode> graph, boolean truncated, @Nullable String truncatedBy, int depth, int nodeLimit) {

  /** One node with its edges. */
  public record GraphNode(
      String id, String type, Map<String, Object> data, List<GraphEdge> inEdges, List<GraphEdge> outEdges) {}

  /**
   * A directed edge between two node ids. Jobs point to datasets they write, datasets to jobs that read them,
   * derived fields' inputs to the derived fields, and a dataset to its symlink target.
   */
  public record GraphEdge(String origin, String destination, String type) {}
}
