package io.watershed.alerts.channel;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Looks through an exception's cause chain, which is how transports report what really went wrong. */
final class Causes {

  private Causes() {}

  /** Whether {@code error} or any of its causes is a {@code type}; safe on cyclic chains. */
  static boolean contain(Throwable error, Class<? extends Throwable> type) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
