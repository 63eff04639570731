package io.watershed.quality.evaluation;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.results.CheckResult;
import java.util.List;

/**
 * A named check of the contract: MET when the latest result on every port and column it ran on passed.
 *
 * @param dataset the port the contract scopes it to, or null for any port
 * @param latest the latest result per port and column, the evidence of the verdict
 */
public record CheckStatus(
    String name,
    @Nullable DatasetRef dataset,
    @Nullable String column,
    ObjectiveStatus status,
    List<CheckResult> latest) {

  public CheckStatus {
    latest = List.copyOf(latest);
  }
}
