package io.watershed.server.lineage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.graph.lineage.Direction;
import io.watershed.graph.lineage.LineageGraph;
import io.watershed.graph.lineage.LineageTraversal;
import io.watershed.graph.lineage.NodeId;
import io.watershed.server.errors.BadParameterException;

/**
 * Lineage graphs in Marquez's shape. Unlike Marquez, the walk has a direction ({@code upstream}, {@code downstream}
 * or {@code both}), a node limit, and says when either bound cut the answer.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LineageController {

  static final int DEFAULT_DEPTH = 20;
  static final int DEFAULT_NODE_LIMIT = 1000;

  private final LineageTraversal traversal;

  public LineageController(LineageTraversal traversal) {
    this.traversal = traversal;
  }

  @Get("/lineage")
  public LineageGraph lineage(
      @QueryValue String nodeId,
      @Nullable @QueryValue Integer depth,
      @Nullable @QueryValue String direction,
      @Nullable @QueryValue Integer limit) {
    return traversal.lineage(
        NodeId.parse(nodeId), direction(direction, Direction.BOTH), depth(depth), nodeLimit(limit));
  }

  @Get("/column-lineage")
  public LineageGraph columnLineage(
      @QueryValue String nodeId,
      @Nullable @QueryValue Integer depth,
      @Nullable @QueryValue String direction,
      @Nullable @QueryValue Boolean withDownstream,
      @Nullable @QueryValue Integer limit) {
    // Marquez's column lineage is upstream unless withDownstream=true; an explicit direction wins.
    Direction fallback = Boolean.TRUE.equals(withDownstream) ? Direction.BOTH : Direction.UPSTREAM;
    return traversal.columnLineage(
        NodeId.parse(nodeId), direction(direction, fallback), depth(depth), nodeLimit(limit));
  }

  private static Direction direction(String text, Direction fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Direction.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadParameterException("direction", e.getMessage());
    }
  }

  private static int depth(Integer depth) {
    int value = depth == null ? DEFAULT_DEPTH : depth;
    if (value < 1 || value > LineageTraversal.MAX_DEPTH) {
      throw new BadParameterException("depth", "must be between 1 and " + LineageTraversal.MAX_DEPTH);
    }
    return value;
  }

  private static int nodeLimit(Integer limit) {
    int value = limit == null ? DEFAULT_NODE_LIMIT : limit;
    if (value < 1 || value > LineageTraversal.MAX_NODES) {
      throw new BadParameterException("limit", "must be between 1 and " + LineageTraversal.MAX_NODES);
    }
    return value;
  }
}
