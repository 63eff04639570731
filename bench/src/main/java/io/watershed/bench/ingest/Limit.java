package io.watershed.bench.ingest;

import java.time.Duration;

/**
 * When a phase stops: after {@code events} events or after {@code duration}, whichever comes first. Both are always
 * set, so no phase can run unbounded: a count-limited phase still stops after {@link #MAX_DURATION}, a time-limited
 * one after {@link #MAX_EVENTS}.
 */
public record Limit(long events, Duration duration) {

  public static final long MAX_EVENTS = 100_000_000L;
  public static final Duration MAX_DURATION = Duration.ofHours(2);
  public static final Limit NONE = new Limit(0, Duration.ZERO);

  public Limit {
    if (events < 0 || events > MAX_EVENTS) {
      throw new IllegalArgumentException("events must be between 0 and " + MAX_EVENTS + ": " + events);
    }
    if (duration == null || duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException("duration must be between 0 and " + MAX_DURATION + ": " + duration);
    }
  }

  public static Limit ofEvents(long events) {
    return new Limit(events, MAX_DURATION);
  }

  public static Limit ofDuration(Duration duration) {
    return new Limit(MAX_EVENTS, duration);
  }

  public boolean isNone() {
    return events == 0 || duration.isZero();
  }

  @Override
  public String toString() {
    if (isNone()) {
      return "none";
    }
    return events == MAX_EVENTS ? duration.toSeconds() + " s" : events + " events";
  }
}
