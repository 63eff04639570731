package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractsConfigurationTest {

  @Test
  void shouldBindDirectoryAndIntervals() {
    try (ApplicationContext context = ApplicationContext.run(Map.of(
        "watershed.contracts.dir", "/etc/watershed/contracts",
        "watershed.contracts.poll-interval", "5s",
        "watershed.contracts.debounce", "1s"))) {
      ContractsConfiguration configuration = context.getBean(ContractsConfiguration.class);

      assertThat(configuration.directory()).contains(Path.of("/etc/watershed/contracts"));
      assertThat(configuration.pollInterval()).isEqualTo(Duration.ofSeconds(5));
      assertThat(configuration.debounce()).isEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void shouldDefaultIntervalsAndHaveNoDirectoryWhenUnset() {
    try (ApplicationContext context = ApplicationContext.run(Map.of())) {
      ContractsConfiguration configuration = context.getBean(ContractsConfiguration.class);

      assertThat(configuration.directory()).isEmpty();
      assertThat(configuration.pollInterval()).isEqualTo(ContractDirectoryWatcher.DEFAULT_POLL_INTERVAL);
      assertThat(configuration.debounce()).isEqualTo(ContractDirectoryWatcher.DEFAULT_DEBOUNCE);
    }
  }
}
