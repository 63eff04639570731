package io.watershed.server.metrics;

import java.util.Locale;
import java.util.Optional;

/** The final states of an OpenLineage run; the label value is the lower-case name. */
public enum RunState {
  COMPLETE,
  FAIL,
  ABORT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The final state an event type means, or empty for START, RUNNING, OTHER and a missing type. */
  public static Optional<RunState> ofEventType(String eventType) {
    if (eventType == null) {
      return Optional.empty();
    }
    return switch (eventType) {
      case "COMPLETE" -> Optional.of(COMPLETE);
      case "FAIL" -> Optional.of(FAIL);
      case "ABORT" -> Optional.of(ABORT);
      default -> Optional.empty();
    };
  }
}
