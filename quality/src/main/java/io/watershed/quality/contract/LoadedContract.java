package io.watershed.quality.contract;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A contract read from a file of a contract directory.
 *
 * @param lastKnownGood true when the file is currently broken and this is the version it held before; the watcher
 *     keeps it so that a bad edit does not silently stop a product's monitoring (the file's problems are reported)
 */
public record LoadedContract(Path file, DataProductContract contract, boolean lastKnownGood) {

  public LoadedContract {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(contract, "contract");
  }

  public ProductName name() {
    return contract.name();
  }
}
