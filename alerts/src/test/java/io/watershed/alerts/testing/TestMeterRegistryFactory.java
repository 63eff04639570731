package io.watershed.alerts.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The meter registry of this module's Micronaut tests. In the application the server's Micrometer integration
 * provides it (and exports it at {@code /prometheus}); the alerts module only registers meters.
 */
@Factory
public class TestMeterRegistryFactory {

  @Singleton
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }
}
