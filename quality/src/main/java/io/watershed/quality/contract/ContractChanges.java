package io.watershed.quality.contract;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one reload of a contract directory changed, by product name. A contract counts as changed when anything in
 * it differs, its text included. The snapshot is the complete new state, problems included.
 */
public record ContractChanges(
    List<DataProductContract> added,
    List<DataProductContract> changed,
    List<DataProductContract> removed,
    ContractSnapshot snapshot) {

  public ContractChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    removed = List.copyOf(removed);
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /** Whether no contract was added, changed or removed (the files' problems may still have changed). */
  public boolean isEmpty() {
    return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
  }

  static ContractChanges between(ContractSnapshot before, ContractSnapshot after) {
    Map<ProductName, DataProductContract> old = before.byName();
    Map<ProductName, DataProductContract> now = after.byName();
    List<DataProductContract> added = now.values().stream().filter(c -> !old.containsKey(c.name())).toList();
    List<DataProductContract> removed = old.values().stream().filter(c -> !now.containsKey(c.name())).toList();
    List<DataProductContract> changed = now.values().stream()
        .filter(c -> old.containsKey(c.name()) && !old.get(c.name()).equals(c))
        .toList();
    return new ContractChanges(added, changed, removed, after);
  }
}
