package io.watershed.graph.impact;

import io.watershed.graph.lineage.InvalidNodeIdException;
import io.watershed.graph.lineage.NodeId;
import io.watershed.graph.lineage.NodeId.NodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed, and how far to look.
 *
 * <p>A job or a whole dataset is followed through job-level lineage (reads and writes). Fields are followed through
 * column lineage: give a {@code datasetField:} node id, or a dataset node id with {@code fields}.
 *
 * @param start the changed node
 * @param fields changed fields of {@code start} when it is a dataset; empty for a whole-dataset change
 * @param depth how many relationships away to look (a column derivation counts as two: the job's read and write)
 * @param nodeLimit how many nodes (datasets, jobs, fields) the walk may visit
 */
public record ImpactRequest(NodeId start, List<String> fields, int depth, int nodeLimit) {

  /** Hard ceilings for any request. */
  public static final int MAX_DEPTH = 50;

  public static final int MAX_NODES = 10_000;

  public ImpactRequest {
    Objects.requireNonNull(start, "start");
    fields = List.copyOf(fields);
    if (!fields.isEmpty() && start.type() != NodeType.DATASET) {
      throw new InvalidNodeIdException("fields can only be given with a dataset node id");
    }
    if (fields.stream().anyMatch(f -> f == null || f.isBlank())) {
      throw new IllegalArgumentException("field names must not be blank");
    }
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH);
    }
    if (nodeLimit < 1 || nodeLimit > MAX_NODES) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_NODES);
    }
  }

  /** The dataset whose fields start the walk, and the fields; empty when the walk is job-level. */
  List<String> startFields() {
    if (start.type() == NodeType.DATASET_FIELD) {
      return List.of(start.field());
    }
    return fields.stream().distinct().sorted().toList();
  }

  /** The dataset or job the walk starts at (a field's dataset for column-precise walks). */
  NodeId startNode() {
    return start.datasetOfField();
  }

  /** Node id of each start field. */
  List<NodeId> startFieldIds() {
    List<NodeId> out = new ArrayList<>();
    for (String f : startFields()) {
      out.add(NodeId.field(start.namespace(), start.name(), f));
    }
    return out;
  }
}
