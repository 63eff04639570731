package io.watershed.quality.results;

import io.watershed.quality.contract.DatasetRef;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Check results and metric observations that arrived together and are stored together. */
public record QualityBatch(List<CheckResult> checks, List<MetricObservation> metrics) {

  public static final QualityBatch EMPTY = new QualityBatch(List.of(), List.of());

  public QualityBatch {
    checks = List.copyOf(checks);
    metrics = List.copyOf(metrics);
  }

  public boolean isEmpty() {
    return checks.isEmpty() && metrics.isEmpty();
  }

  /** The datasets the batch is about. */
  public Set<DatasetRef> datasets() {
    Set<DatasetRef> datasets = new TreeSet<>();
    checks.forEach(c -> datasets.add(c.dataset()));
    metrics.forEach(m -> datasets.add(m.dataset()));
    return datasets;
  }
}
