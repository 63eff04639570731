package io.watershed.quality.contract;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where contracts are read from: {@code watershed.contracts.dir} (or the environment variable
 * {@code WATERSHED_CONTRACTS_DIR}), re-checked every {@code poll-interval} besides file-system events, with a
 * {@code debounce} that lets an editor finish writing before a reload.
 */
@ConfigurationProperties("watershed.contracts")
public record ContractsConfiguration(
    @Nullable String dir,
    @Bindable(defaultValue = "30s") Duration pollInterval,
    @Bindable(defaultValue = "300ms") Duration debounce) {

  public ContractsConfiguration {
    pollInterval = pollInterval == null ? ContractDirectoryWatcher.DEFAULT_POLL_INTERVAL : pollInterval;
    debounce = debounce == null ? ContractDirectoryWatcher.DEFAULT_DEBOUNCE : debounce;
  }

  /** The directory, when one is configured. */
  public Optional<Path> directory() {
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir.strip()));
  }
}
