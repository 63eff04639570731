package io.watershed.quality.product;

import io.watershed.quality.contract.ContractChangeListener;
import io.watershed.quality.contract.ContractChanges;
import io.watershed.quality.contract.ContractDirectory;
import io.watershed.quality.contract.ContractDirectoryWatcher;
import io.watershed.quality.contract.ContractSnapshot;
import io.watershed.quality.contract.ContractsConfiguration;
import io.watershed.quality.contract.FileProblems;
import io.watershed.quality.contract.LoadedContract;
import io.watershed.quality.contract.ProductName;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the registry in line with the contract directory ({@code WATERSHED_CONTRACTS_DIR}): every reload stores each
 * accepted file's contract (unchanged ones store nothing) and deletes the products whose file is gone. Reconciling
 * the whole snapshot each time, rather than only the reported changes, also repairs what a failed earlier reload (the
 * graph unavailable) left behind, and what changed while the server was down.
 */
@Singleton
public class ContractDirectorySync implements ContractChangeListener, AutoCloseable {

  private final ContractsConfiguration configuration;
  private final ProductRegistry registry;
  private ContractDirectoryWatcher watcher;

  public ContractDirectorySync(ContractsConfiguration configuration, ProductRegistry registry) {
    this.configuration = configuration;
    this.registry = registry;
  }

  /** Loads the directory once (synchronously) and watches it; does nothing when no directory is configured. */
  public synchronized void start() {
    Optional<Path> dir = configuration.directory();
    if (dir.isEmpty() || watcher != null) {
      return;
    }
    watcher = new ContractDirectoryWatcher(new ContractDirectory(dir.get(), registry.parser()), this,
        configuration.pollInterval(), configuration.debounce());
    watcher.start();
  }

  /** Reloads now (tests, an operator's "reload"). */
  public void reload() {
    ContractDirectoryWatcher w = watcher;
    if (w != null) {
      w.reload();
    }
  }

  @Override
  public void onChange(ContractChanges changes) {
    ContractSnapshot snapshot = changes.snapshot();
    Map<ProductName, Path> files = new HashMap<>();
    for (LoadedContract loaded : snapshot.contracts()) {
      registry.putFromFile(loaded.contract(), loaded.file());
      files.put(loaded.name(), loaded.file());
    }
    if (directoryUnreadable(snapshot)) {
      return; // a missing or unlistable directory says nothing about which products are gone
    }
    for (RegisteredProduct product : registry.fileProducts()) {
      Path file = files.get(product.name());
      if (file == null || !ProductSource.file(file).equals(product.source())) {
        Path gone = Path.of(product.source().value().substring("file:".length()));
        registry.removeFromFile(product.name(), gone);
      }
    }
  }

  private static boolean directoryUnreadable(ContractSnapshot snapshot) {
    return snapshot.failures().stream().map(FileProblems::file).anyMatch(snapshot.directory()::equals);
  }

  @PreDestroy
  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.stop();
      watcher = null;
    }
  }
}
