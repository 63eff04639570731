package io.watershed.quality.contract;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ContractDirectory} loaded and tells a listener what changed.
 *
 * <p>It listens to file-system events ({@link WatchService}) and, as a fallback for file systems that deliver none
 * (network mounts, some container volumes) or deliver them late (macOS polls every few seconds), also compares the
 * files' names, sizes and modification times every poll interval. Events are debounced: a reload waits until no new
 * event arrived for the debounce time (at most ten debounce times), so an editor's save (write temp, rename) causes
 * one reload. When the directory does not exist yet, or disappears, it is polled until it (re)appears.
 *
 * <p>A file that breaks keeps its last good contract (marked {@link LoadedContract#lastKnownGood()}), so a typo
 * in an edit does not silently stop a product's monitoring; the file's problems are in the snapshot.
 */
public final class ContractDirectoryWatcher implements AutoCloseable {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(ContractDirectoryWatcher.class);

  private final ContractDirectory directory;
  private final ContractChangeListener listener;
  private final Duration pollInterval;
  private final Duration debounce;
  private final Object reloadLock = new Object();

  private volatile ContractSnapshot current;
  private volatile boolean running;
  private volatile List<String> lastStamps = List.of();
  private volatile WatchService watchService;
  private Thread thread;
  // Only touched by the watcher thread.
  private WatchKey watchKey;
  private boolean eventsUnavailable;

  public ContractDirectoryWatcher(ContractDirectory directory, ContractChangeListener listener) {
    this(directory, listener, DEFAULT_POLL_INTERVAL, DEFAULT_DEBOUNCE);
  }

  public ContractDirectoryWatcher(
      ContractDirectory directory, ContractChangeListener listener, Duration pollInterval, Duration debounce) {
    this.directory = Objects.requireNonNull(directory, "directory");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.pollInterval = positive(pollInterval, "pollInterval");
    this.debounce = positive(debounce, "debounce");
    this.current = ContractSnapshot.empty(directory.directory());
  }

  /**
   * Loads the directory, tells the listener (every contract arrives as added, and the call happens even when the
   * directory is empty, so the listener always sees the first state), then watches in a daemon thread.
   *
   * @return the first snapshot
   */
  public synchronized ContractSnapshot start() {
    if (running) {
      throw new IllegalStateException("already started");
    }
    running = true;
    ContractSnapshot first;
    synchronized (reloadLock) {
      first = reloadLocked(true).snapshot();
    }
    thread = new Thread(this::watch, "watershed-contracts-watcher");
    thread.setDaemon(true);
    thread.start();
    return first;
  }

  /** The latest snapshot; empty before {@link #start()}. */
  public ContractSnapshot current() {
    return current;
  }

  public boolean isRunning() {
    return running;
  }

  /**
   * Reloads now, on the caller's thread (an admin "reload" action, or a test), and tells the listener if anything
   * changed. Safe to call while the watcher runs: reloads never overlap.
   */
  public ContractChanges reload() {
    synchronized (reloadLock) {
      return reloadLocked(false);
    }
  }

  /** Stops watching and waits (briefly) for the thread to end. Idempotent. */
  public synchronized void stop() {
    if (!running) {
      return;
    }
    running = false;
    closeWatchService();
    Thread watcher = thread;
    thread = null;
    if (watcher != null && watcher != Thread.currentThread()) {
      watcher.interrupt();
      try {
        watcher.join(STOP_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  private ContractChanges reloadLocked(boolean first) {
    ContractSnapshot previous = current;
    lastStamps = directory.stamps();
    ContractSnapshot next = directory.load().keepingLastKnownGood(previous);
    ContractChanges changes = ContractChanges.between(previous, next);
    current = next;
    boolean problemsChanged = !next.failures().equals(previous.failures());
    if (first || !changes.isEmpty() || problemsChanged) {
      log(changes);
      notifyListener(changes);
    }
    return changes;
  }

  private void notifyListener(ContractChanges changes) {
    try {
      listener.onChange(changes);
    } catch (RuntimeException e) {
      LOG.error("Contract change listener failed for {}", directory.directory(), e);
    }
  }

  private void log(ContractChanges changes) {
    ContractSnapshot snapshot = changes.snapshot();
    LOG.info("Contracts in {}: {} loaded ({} added, {} changed, {} removed), {} file(s) with problems",
        directory.directory(), snapshot.contracts().size(), changes.added().size(), changes.changed().size(),
        changes.removed().size(), snapshot.failures().size());
    snapshot.failures().forEach(failure -> LOG.warn("Contract file not accepted: {}", failure));
  }

  private void watch() {
    try {
      while (running) {
        try {
          watchDirectory();
          if (awaitChange() && running) {
            reload();
          }
        } catch (InterruptedException | ClosedWatchServiceException e) {
          if (running) {
            LOG.warn("Contract watcher of {} interrupted; stopping", directory.directory());
            running = false;
          }
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          // One failed round (a file vanishing mid-read, a listener bug) must not end watching.
          LOG.error("Contract watcher of {} failed a round; retrying", directory.directory(), e);
          pause();
        }
      }
    } finally {
      // A watch service opened while stop() ran would otherwise stay open.
      if (!running) {
        closeWatchService();
      }
    }
  }

  /** Registers for events when possible; leaves the watcher polling when not. */
  private void watchDirectory() {
    if (eventsUnavailable || (watchKey != null && watchKey.isValid())) {
      return;
    }
    Path path = directory.directory();
    if (!Files.isDirectory(path)) {
      watchKey = null;
      return;
    }
    try {
      WatchService service = watchService;
      if (service == null) {
        service = path.getFileSystem().newWatchService();
        watchService = service;
      }
      watchKey = path.register(service, StandardWatchEventKinds.ENTRY_CREATE,
          StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.OVERFLOW);
    } catch (UnsupportedOperationException e) {
      LOG.info("No file-system events for {}; polling every {}", path, pollInterval);
      eventsUnavailable = true;
    } catch (IOException e) {
      LOG.info("Cannot watch {} ({}); polling every {}", path, e.getMessage(), pollInterval);
      watchKey = null;
    }
  }

  /**
   * Waits up to one poll interval; true when a relevant event arrived (debounced) or the files' stamps differ from
   * those of the last reload.
   */
  private boolean awaitChange() throws InterruptedException {
    WatchService service = watchService;
    if (service != null && watchKey != null && watchKey.isValid()) {
      WatchKey key = service.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      if (key != null && drain(key)) {
        settle(service);
        return true;
      }
    } else {
      Thread.sleep(pollInterval.toMillis());
    }
    return !directory.stamps().equals(lastStamps);
  }

  /** Lets a burst of events end: waits until none came for one debounce, at most ten debounces in all. */
  private void settle(WatchService service) throws InterruptedException {
    long deadline = System.nanoTime() + debounce.multipliedBy(10).toNanos();
    while (System.nanoTime() < deadline) {
      WatchKey more = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
      if (more == null) {
        return;
      }
      drain(more);
    }
  }

  /** Takes a key's events; true when one concerns a contract file (or events were lost). */
  private boolean drain(WatchKey key) {
    boolean relevant = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        relevant = true;
      } else if (event.context() instanceof Path name && ContractDirectory.isContractFile(name)) {
        relevant = true;
      }
    }
    if (!key.reset()) {
      // The directory went away; poll until it is back, then register again.
      watchKey = null;
      relevant = true;
    }
    return relevant;
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private void closeWatchService() {
    WatchService service = watchService;
    watchService = null; // a later start() opens a new one
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        LOG.debug("Closing the watch service of {} failed", directory.directory(), e);
      }
    }
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
    return duration;
  }
}
