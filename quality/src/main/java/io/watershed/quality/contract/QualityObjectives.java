package io.watershed.quality.contract;

import java.util.List;

/** What the data of a product must look like, beyond its schema. */
public record QualityObjectives(
    List<CompletenessObjective> completeness, List<RowCountObjective> rowCounts, List<NamedCheck> checks) {

  public static final QualityObjectives NONE = new QualityObjectives(List.of(), List.of(), List.of());

  public QualityObjectives {
    completeness = List.copyOf(completeness);
    rowCounts = List.copyOf(rowCounts);
    checks = List.copyOf(checks);
  }

  public List<CompletenessObjective> completenessFor(DatasetRef port) {
    return completeness.stream().filter(objective -> objective.appliesTo(port)).toList();
  }

  public List<RowCountObjective> rowCountsFor(DatasetRef port) {
    return rowCounts.stream().filter(objective -> objective.appliesTo(port)).toList();
  }

  public List<NamedCheck> checksFor(DatasetRef port) {
    return checks.stream().filter(check -> check.appliesTo(port)).toList();
  }

  public boolean isEmpty() {
    return completeness.isEmpty() && rowCounts.isEmpty() && checks.isEmpty();
  }
}
