import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Diagnostic, not part of the build: the shape of Watershed's group commit (IngestPipeline: Flux.create(BUFFER)
 * -> bufferTimeout(maxEvents, wait, parallel, fairBackpressure) -> concatMap(commit on one thread, prefetch 1)),
 * driven closed-loop like HTTP clients (each producer waits for its event's commit before sending the next), with
 * the Neo4j transaction replaced by a busy wait. It reports events per transaction and whether the pipeline stops
 * committing while producers wait. Mode {@code queue} is the alternative: the writer drains a queue.
 *
 * <pre>
 * CP=~/.m2/repository/io/projectreactor/reactor-core/3.7.12/reactor-core-3.7.12.jar:~/.m2/repository/org/reactivestreams/reactive-streams/1.0.4/reactive-streams-1.0.4.jar
 * java -cp $CP bench/tools/GroupCommitStall.java 16 500 5 20000 10 fair 5000
 * </pre>
 *
 * Arguments: producers, maxEvents, waitMs, commitMicros (the stand-in transaction), seconds, mode, and optionally
 * turnaroundMicros: each producer waits a random 0..turnaround before sending its next event, as an HTTP round
 * trip (answer, client, next request, parsing) does; with 0 all producers come back at once.
 *
 * Modes: {@code fair} (what Watershed runs), {@code unfair} (bufferTimeout without fair backpressure), {@code queue}.
 */
public class GroupCommitStall {

  record Pending(long id, CompletableFuture<Void> done) {}

  public static void main(String[] args) throws Exception {
    int producers = Integer.parseInt(args[0]);
    int maxEvents = Integer.parseInt(args[1]);
    long waitMs = Long.parseLong(args[2]);
    long commitMicros = Long.parseLong(args[3]);
    int seconds = Integer.parseInt(args[4]);
    String mode = args.length > 5 ? args[5] : "fair";
    long turnaroundMicros = args.length > 6 ? Long.parseLong(args[6]) : 0;
    AtomicLong committed = new AtomicLong();
    AtomicLong transactions = new AtomicLong();
    Consumer<List<Pending>> commit =
        batch -> {
          long until = System.nanoTime() + commitMicros * 1000;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
          transactions.incrementAndGet();
          committed.addAndGet(batch.size());
          batch.forEach(p -> p.done().complete(null));
        };

    Consumer<Pending> submit;
    if (mode.equals("queue")) {
      LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
      Thread writer =
          new Thread(
              () -> {
                List<Pending> batch = new ArrayList<>();
                while (!Thread.currentThread().isInterrupted()) {
                  try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                      continue;
                    }
                    batch.add(first);
                  } catch (InterruptedException e) {
                    return;
                  }
                  // Whatever queued up while the previous transaction ran goes into this one.
                  queue.drainTo(batch, maxEvents - 1);
                  commit.accept(batch);
                  batch.clear();
                }
              },
              "queue-writer");
      writer.setDaemon(true);
      writer.start();
      submit = queue::add;
    } else {
      Scheduler writer = Schedulers.newSingle("writer");
      @SuppressWarnings("unchecked")
      FluxSink<Pending>[] holder = new FluxSink[1];
      Flux.<Pending>create(s -> holder[0] = s, FluxSink.OverflowStrategy.BUFFER)
          .bufferTimeout(maxEvents, Duration.ofMillis(waitMs), Schedulers.parallel(), mode.equals("fair"))
          .concatMap(batch -> Mono.fromRunnable(() -> commit.accept(batch)).subscribeOn(writer), 1)
          .subscribe(b -> {}, e -> System.out.println("pipeline failed: " + e));
      submit = holder[0]::next;
    }

    AtomicLong ids = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    for (int p = 0; p < producers; p++) {
      pool.submit(
          () -> {
            while (!stop.get()) {
              if (turnaroundMicros > 0) {
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(turnaroundMicros) * 1000);
              }
              Pending e = new Pending(ids.incrementAndGet(), new CompletableFuture<>());
              submit.accept(e);
              try {
                e.done().get(seconds + 5L, TimeUnit.SECONDS);
              } catch (TimeoutException t) {
                return null;
              }
            }
            return null;
          });
    }
    long last = 0;
    int idleSeconds = 0;
    for (int s = 1; s <= seconds; s++) {
      Thread.sleep(1000);
      long c = committed.get();
      idleSeconds = c == last ? idleSeconds + 1 : 0;
      last = c;
    }
    System.out.printf(
        "%s: %s, %d events in %d transactions, %.1f events/tx%n",
        mode,
        idleSeconds >= 2 ? "STALLED (nothing committed for the last " + idleSeconds + " s while producers wait)" : "no stall",
        committed.get(), transactions.get(), (double) committed.get() / Math.max(1, transactions.get()));
    stop.set(true);
    pool.shutdownNow();
    System.exit(0);
  }
}
