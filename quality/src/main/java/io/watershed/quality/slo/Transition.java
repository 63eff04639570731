package io.watershed.quality.slo;

import io.watershed.quality.evaluation.SloState;
import java.time.Instant;
import java.util.List;

/**
 * A recorded change of a product's state.
 *
 * @param from the state before; UNKNOWN for a product's first evaluation
 * @param at when the new state began (a stale port: just after its deadline, even when noticed later)
 */
public record Transition(String product, SloState from, SloState to, Instant at, List<String> reasons) {

  public Transition {
    reasons = List.copyOf(reasons);
  }
}
