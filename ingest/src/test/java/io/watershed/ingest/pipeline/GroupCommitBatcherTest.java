package io.watershed.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which queued events share a transaction. The time bounds here only tell a wait that ended from one that ran to a
 * limit minutes away; they measure no performance.
 */
class GroupCommitBatcherTest {

  private static final Duration IDLE = Duration.ofMillis(100);
  private final BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();

  @Test
  void shouldTakeWhatIsQueuedUpToTheMostEventsOfATransaction() throws InterruptedException {
    IntStream.range(0, 7).forEach(queue::add);
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 5, Duration.ofMinutes(5), Duration.ofMinutes(5));

    assertThat(batcher.next(IDLE, () -> false)).containsExactly(0, 1, 2, 3, 4);
    assertThat(queue).containsExactly(5, 6);
  }

  @Test
  void shouldAnswerEmptyWhenNothingArrivesSoThatTheWriterCanLookForShutdown() throws InterruptedException {
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 5, Duration.ofMinutes(5), Duration.ofMinutes(5));

    assertThat(batcher.next(Duration.ofMillis(10), () -> false)).isEmpty();
  }

  @Test
  void shouldCloseTheTransactionWhenArrivalsPauseLongBeforeTheLongestWait() throws InterruptedException {
    queue.add(1);
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 500, Duration.ofMinutes(5), Duration.ofMillis(20));

    long start = System.nanoTime();
    assertThat(batcher.next(IDLE, () -> false)).containsExactly(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void shouldKeepCollectingWhileEventsKeepArrivingWithinTheQuietPeriod() throws InterruptedException {
    Thread producer = producer(1, 10, 5);
    producer.start();
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 500, Duration.ofMinutes(5), Duration.ofSeconds(2));

    List<Integer> batch = batcher.next(Duration.ofMinutes(1), () -> false);
    producer.join();

    assertThat(batch).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  void shouldCloseTheTransactionAtTheLongestWaitEvenWhileEventsKeepArriving() throws InterruptedException {
    Thread producer = producer(1, 100_000, 1);
    producer.start();
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 1_000_000, Duration.ofMillis(50), Duration.ofMinutes(5));

    List<Integer> batch = batcher.next(Duration.ofMinutes(1), () -> false);
    producer.interrupt();
    producer.join();

    assertThat(batch).isNotEmpty().hasSizeLessThan(100_000);
  }

  @Test
  void shouldWaitTheLongestWaitWhenTheQuietPeriodIsZero() throws InterruptedException {
    queue.add(1);
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 500, Duration.ofMillis(200), Duration.ZERO);

    long start = System.nanoTime();
    assertThat(batcher.next(IDLE, () -> false)).containsExactly(1);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
  }

  @Test
  void shouldTakeOnlyWhatIsQueuedOnceClosed() throws InterruptedException {
    IntStream.range(0, 3).forEach(queue::add);
    GroupCommitBatcher<Integer> batcher =
        new GroupCommitBatcher<>(queue, 500, Duration.ofMinutes(5), Duration.ofMinutes(5));

    long start = System.nanoTime();
    assertThat(batcher.next(IDLE, () -> true)).containsExactly(0, 1, 2);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
  }

  /** Adds {@code from}, {@code from + 1} ... up to {@code count} numbers, one every {@code everyMillis}. */
  private Thread producer(int from, int count, long everyMillis) {
    return new Thread(
        () -> {
          try {
            for (int i = from; i < from + count; i++) {
              queue.add(i);
              TimeUnit.MILLISECONDS.sleep(everyMillis);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
