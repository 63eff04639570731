package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractDirectoryWatcherTest {

  /** Generous, because CI machines stall; a passing run waits far less (events arrive in milliseconds). */
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final ProductName CLV = ProductName.of("customer-lifetime-value");

  @TempDir
  Path dir;

  private final BlockingQueue<ContractChanges> changes = new LinkedBlockingQueue<>();
  private ContractDirectoryWatcher watcher;

  @AfterEach
  void stopWatcher() {
    if (watcher != null) {
      watcher.close();
    }
  }

  private ContractDirectoryWatcher start(Path directory) {
    watcher = new ContractDirectoryWatcher(new ContractDirectory(directory, Fixtures.PARSER), changes::add,
        Duration.ofMillis(100), Duration.ofMillis(50));
    watcher.start();
    return watcher;
  }

  private void write(String fixture, String as) throws IOException {
    Files.writeString(dir.resolve(as), Fixtures.text(fixture), StandardCharsets.UTF_8);
  }

  /** The first notification that matches, waiting at most TIMEOUT; earlier ones are skipped. */
  private ContractChanges awaitChanges(String what, Predicate<ContractChanges> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      ContractChanges next = left > 0 ? changes.poll(left, TimeUnit.NANOSECONDS) : null;
      if (next == null) {
        fail("no notification with " + what + " within " + TIMEOUT + "; current: " + watcher.current());
      }
      if (wanted.test(next)) {
        return next;
      }
    }
  }

  @Test
  void shouldAnnounceTheFirstLoadEvenWhenEmpty() throws Exception {
    write("good/mission-example.data-product.yml", "clv.yml");
    ContractSnapshot first = start(dir).current();

    assertThat(first.contracts()).extracting(LoadedContract::name).containsExactly(CLV);
    ContractChanges initial = changes.poll(1, TimeUnit.SECONDS);
    assertThat(initial).isNotNull();
    assertThat(initial.added()).extracting(DataProductContract::name).containsExactly(CLV);
    assertThat(initial.snapshot()).isEqualTo(first);
  }

  @Test
  void shouldNotifyAddedChangedAndRemovedContracts() throws Exception {
    start(dir);
    awaitChanges("the first load", ContractChanges::isEmpty);

    write("good/mission-example.data-product.yml", "clv.yml");
    ContractChanges added = awaitChanges("clv added", c -> !c.added().isEmpty());
    assertThat(added.added()).extracting(DataProductContract::name).containsExactly(CLV);

    String edited = Fixtures.text("good/mission-example.data-product.yml").replace("\"24h\"", "\"12h\"");
    Files.writeString(dir.resolve("clv.yml"), edited, StandardCharsets.UTF_8);
    ContractChanges changed = awaitChanges("clv changed", c -> !c.changed().isEmpty());
    assertThat(changed.changed()).singleElement()
        .satisfies(contract -> assertThat(contract.freshness()).isEqualTo(Duration.ofHours(12)));

    Files.delete(dir.resolve("clv.yml"));
    ContractChanges removed = awaitChanges("clv removed", c -> !c.removed().isEmpty());
    assertThat(removed.removed()).extracting(DataProductContract::name).containsExactly(CLV);
    assertThat(removed.snapshot().contracts()).isEmpty();
  }

  @Test
  void shouldKeepTheLastGoodContractWhenAFileBreaks() throws Exception {
    write("good/mission-example.data-product.yml", "clv.yml");
    start(dir);
    awaitChanges("the first load", c -> !c.added().isEmpty());

    Files.writeString(dir.resolve("clv.yml"), Fixtures.text("bad/bad-ratio.yml"), StandardCharsets.UTF_8);
    ContractChanges broken = awaitChanges("a problem", c -> c.snapshot().hasProblems());

    assertThat(broken.isEmpty()).isTrue();
    assertThat(broken.snapshot().contracts()).singleElement().satisfies(loaded -> {
      assertThat(loaded.name()).isEqualTo(CLV);
      assertThat(loaded.lastKnownGood()).isTrue();
      assertThat(loaded.contract().freshness()).isEqualTo(Duration.ofHours(24));
    });
    assertThat(broken.snapshot().failures()).singleElement()
        .satisfies(failure -> assertThat(failure.file()).isEqualTo(dir.resolve("clv.yml")));

    write("good/mission-example.data-product.yml", "clv.yml");
    ContractChanges fixed = awaitChanges("the fix", c -> !c.snapshot().hasProblems());
    assertThat(fixed.snapshot().contracts()).singleElement()
        .satisfies(loaded -> assertThat(loaded.lastKnownGood()).isFalse());
  }

  @Test
  void shouldPollForADirectoryThatAppearsLater() throws Exception {
    Path later = dir.resolve("contracts");
    start(later);
    ContractChanges initial = awaitChanges("the first load", c -> true);
    assertThat(initial.snapshot().failures()).singleElement()
        .satisfies(failure -> assertThat(failure.problems()).extracting(ContractProblem::rule)
            .containsExactly("does not exist"));

    Files.createDirectories(later);
    Files.writeString(later.resolve("clv.yml"), Fixtures.text("good/mission-example.data-product.yml"));

    ContractChanges added = awaitChanges("clv added", c -> !c.added().isEmpty());
    assertThat(added.snapshot().hasProblems()).isFalse();
  }

  @Test
  void shouldReloadOnDemand() throws Exception {
    start(dir);
    write("good/payments.odcs.yaml", "payments.yaml");

    ContractChanges reloaded = watcher.reload();

    // The watcher thread may have seen the file first; then the reload finds nothing new.
    assertThat(watcher.current().contracts()).extracting(loaded -> loaded.name().value())
        .containsExactly("payments-core");
    assertThat(reloaded.snapshot()).isEqualTo(watcher.current());
  }

  @Test
  void shouldKeepWatchingWhenTheListenerFails() throws Exception {
    watcher = new ContractDirectoryWatcher(new ContractDirectory(dir, Fixtures.PARSER), c -> {
      changes.add(c);
      throw new IllegalStateException("listener bug");
    }, Duration.ofMillis(100), Duration.ofMillis(50));
    watcher.start();

    write("good/mission-example.data-product.yml", "clv.yml");
    awaitChanges("clv added", c -> !c.added().isEmpty());
    assertThat(watcher.isRunning()).isTrue();
  }

  @Test
  void shouldWatchAgainAfterARestart() throws Exception {
    start(dir);
    watcher.stop();
    watcher.start();
    awaitChanges("the second first load", ContractChanges::isEmpty);

    write("good/mission-example.data-product.yml", "clv.yml");
    awaitChanges("clv added", c -> !c.added().isEmpty());
  }

  @Test
  void shouldStopOnceAndRefuseToStartTwice() {
    start(dir);
    assertThatThrownBy(() -> watcher.start()).isInstanceOf(IllegalStateException.class);

    watcher.stop();
    watcher.close();

    assertThat(watcher.isRunning()).isFalse();
  }
}
