package io.watershed.bench.mesh;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One job of a pipeline: what it reads, what it writes, and how each output column is computed.
 *
 * @param index position in {@link Mesh#jobs()}
 * @param step position in its pipeline (0 = first); step k reads the output of step k-1
 * @param columnLineage for each output field (in schema order), the input columns it is computed from
 * @param sql the statement the job runs, or null for jobs that are not SQL (Spark)
 */
public record JobDef(
    int index,
    PipelineDef pipeline,
    int step,
    String name,
    List<DatasetDef> inputs,
    DatasetDef output,
    Map<String, List<ColumnSource>> columnLineage,
    String sql) {

  public JobDef {
    inputs = List.copyOf(inputs);
    columnLineage = Collections.unmodifiableMap(new LinkedHashMap<>(columnLineage));
  }

  public String namespace() {
    return pipeline.namespace();
  }
}
