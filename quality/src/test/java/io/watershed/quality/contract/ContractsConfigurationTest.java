package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.watershed.graph.testing.TestNeo4j;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractsConfigurationTest {

  // The graph module's schema bean starts with any context: point it at the shared test database, and keep the
  // quality module's own start-up (products, scheduler) out of a test about configuration only.
  private static final Map<String, Object> BASE = Map.of(
      "watershed.neo4j.uri", TestNeo4j.shared().boltUri(), "watershed.quality.enabled", "false");

  @Test
  void shouldBindDirectoryAndIntervals() {
    try (ApplicationContext context = ApplicationContext.run(with(Map.of(
        "watershed.contracts.dir", "/etc/watershed/contracts",
        "watershed.contracts.poll-interval", "5s",
        "watershed.contracts.debounce", "1s")))) {
      ContractsConfiguration configuration = context.getBean(ContractsConfiguration.class);

      assertThat(configuration.directory()).contains(Path.of("/etc/watershed/contracts"));
      assertThat(configuration.pollInterval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(configuration.debounce()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldDefaultIntervalsAndHaveNoDirectoryWhenUnset() {
    try (ApplicationContext context = ApplicationContext.run(BASE)) {
      ContractsConfiguration configuration = context.getBean(ContractsConfiguration.class);

      assertThat(configuration.directory()).isEmpty();
      assertThat(configuration.pollInterval()).isEqualTo(ContractDirectoryWatcher.DEFAULT_POLL_INTERVAL);
      assertThat(configuration.debounce()).isEqualTo(ContractDirectoryWatcher.DEFAULT_DEBOUNCE);
    }
  }

  private static Map<String, Object> with(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(BASE);
    all.putAll(properties);
    return all;
  }
}
