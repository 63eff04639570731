package io.watershed.quality;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one clock of the quality module. Every "now" (freshness ages, deadlines, SLO intervals, compliance windows)
 * comes from it, so tests can replace it ({@code @Replaces(Clock.class)}) and move time without waiting.
 */
@Factory
public class ClockFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
