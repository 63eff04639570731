package io.watershed.quality.contract;

/**
 * Told by {@link ContractDirectoryWatcher} when the contracts of its directory change. Called on the watcher's
 * thread, one call at a time, in order; a slow listener delays the next reload, and an exception it throws is logged
 * and does not stop the watcher.
 */
@FunctionalInterface
public interface ContractChangeListener {

  void onChange(ContractChanges changes);
}
