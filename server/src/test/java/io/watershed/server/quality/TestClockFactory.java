package io.watershed.server.quality;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.watershed.quality.testing.MutableClock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** Replaces the application clock with one the test moves, in test classes that set {@code test.mutable-clock}. */
@Factory
@Requires(property = "test.mutable-clock", value = "true")
class TestClockFactory {

  static final Instant START = Instant.parse("2026-11-21T10:00:00Z");

  @Singleton
  @Replaces(Clock.class)
  MutableClock clock() {
    return new MutableClock(START);
  }
}
