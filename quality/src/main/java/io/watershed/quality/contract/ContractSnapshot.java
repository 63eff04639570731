package io.watershed.quality.contract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything one read of a contract directory found: the accepted contracts (names unique, ordered by name) and the
 * files that were not accepted, with their problems (ordered by file).
 */
public record ContractSnapshot(Path directory, List<LoadedContract> contracts, List<FileProblems> failures) {

  public ContractSnapshot {
    Objects.requireNonNull(directory, "directory");
    contracts = contracts.stream().sorted(Comparator.comparing(LoadedContract::name)).toList();
    failures = failures.stream().sorted(Comparator.comparing(FileProblems::file)).toList();
    long distinct = contracts.stream().map(LoadedContract::name).distinct().count();
    if (distinct != contracts.size()) {
      throw new IllegalArgumentException("a snapshot holds each product name once");
    }
  }

  public static ContractSnapshot empty(Path directory) {
    return new ContractSnapshot(directory, List.of(), List.of());
  }

  public Optional<DataProductContract> contract(ProductName name) {
    return contracts.stream().filter(loaded -> loaded.name().equals(name)).map(LoadedContract::contract).findFirst();
  }

  /** The contracts by product name, in name order. */
  public Map<ProductName, DataProductContract> byName() {
    Map<ProductName, DataProductContract> byName = new LinkedHashMap<>();
    contracts.forEach(loaded -> byName.put(loaded.name(), loaded.contract()));
    return byName;
  }

  public boolean hasProblems() {
    return !failures.isEmpty();
  }

  /**
   * This snapshot, plus the contracts of {@code previous} whose file is now broken, marked as last known good. A
   * contract is carried over only when its file still exists but failed, and no other file claims its name now.
   */
  ContractSnapshot keepingLastKnownGood(ContractSnapshot previous) {
    Set<Path> failed = failures.stream().map(FileProblems::file).collect(Collectors.toSet());
    Set<ProductName> taken = contracts.stream().map(LoadedContract::name).collect(Collectors.toSet());
    List<LoadedContract> kept = new ArrayList<>(contracts);
    for (LoadedContract earlier : previous.contracts()) {
      if (failed.contains(earlier.file()) && !taken.contains(earlier.name())) {
        kept.add(new LoadedContract(earlier.file(), earlier.contract(), true));
        taken.add(earlier.name());
      }
    }
    return kept.size() == contracts.size() ? this : new ContractSnapshot(directory, kept, failures);
  }
}
