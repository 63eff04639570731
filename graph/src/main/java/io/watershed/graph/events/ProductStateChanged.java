package io.watershed.graph.events;

import java.time.Instant;
import java.util.List;

/**
 * Published by the quality module when a data product's SLO state changes (for example IN_SLO to OUT_OF_SLO).
 * The alerts module listens to it; neither module depends on the other.
 *
 * @param reasons machine-readable reasons of the new state, e.g. {@code STALE:bigquery:proj.ds.orders}
 */
public record ProductStateChanged(
    String product, String domain, String fromState, String toState, Instant at, List<String> reasons) {

  public ProductStateChanged {
    reasons = List.copyOf(reasons);
  }
}
