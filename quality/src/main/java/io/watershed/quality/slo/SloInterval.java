package io.watershed.quality.slo;

import io.micronaut.core.annotation.Nullable;
import io.watershed.quality.evaluation.SloState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stretch of time a product spent in one state: {@code [from, to)}, {@code to} null while it lasts.
 *
 * @param reasons every reason seen while the interval lasted
 */
public record SloInterval(Instant from, @Nullable Instant to, SloState state, List<String> reasons) {

  public SloInterval {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(state, "state");
    if (to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("an interval ends after it starts: " + from + " > " + to);
    }
    reasons = List.copyOf(reasons);
  }

  public boolean isOpen() {
    return to == null;
  }
}
