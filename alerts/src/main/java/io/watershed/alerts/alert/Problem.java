package io.watershed.alerts.alert;

import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.rootcause.RootCauseKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One root cause and the products it hits, as the analyzer found them: what the alert store turns into alerts.
 *
 * @param since when the problem started
 * @param changeIds the changes that keep these alerts open (all open changes with the same fingerprint are added)
 */
public record Problem(
    RootCauseKey rootCause,
    String description,
    Map<String, String> evidence,
    Instant since,
    List<ProductHit> hits,
    Set<String> changeIds) {

  public Problem {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    hits = List.copyOf(hits);
    changeIds = Set.copyOf(changeIds);
  }

  /**
   * One product hit by the problem.
   *
   * @param path node ids from the root cause down to the product's dataset; empty when the product's own dataset is
   *     the root cause
   */
  public record ProductHit(String product, AlertRole role, List<String> path, String state, @Nullable String reason) {

    public ProductHit {
      path = List.copyOf(path);
    }
  }
}
