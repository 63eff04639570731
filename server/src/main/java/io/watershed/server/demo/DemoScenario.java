package io.watershed.server.demo;

import io.openlineage.client.OpenLineage.RunEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the demo mesh into a running Watershed through its public APIs: the contracts first (so the products exist
 * when their runs arrive), then a few days of history, then, on every {@link #tick()}, one more run of every
 * pipeline. Usable on its own, e.g. from tests, against any instance.
 */
public final class DemoScenario {

  /** Runs sent at the same time. */
  static final int PARALLEL = 4;

  private final DemoClient client;
  private final Clock clock;

  public DemoScenario(DemoClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Stores the contracts and, when they created the products (a fresh instance), sends the history. On an instance
   * that has the products already (a restart), the history is not sent again: live ticks carry on from there.
   *
   * <p>The history goes newest run first (each run's START before its end). Watershed's merges do not depend on
   * order, and this way every product shows its current state as soon as its newest run is in, instead of passing
   * through the states of three days ago, which would count against its SLA from the moment it was registered.
   */
  public DemoSummary load() {
    boolean created = false;
    for (Map.Entry<String, String> contract : new TreeMap<>(DemoMesh.CONTRACTS).entrySet()) {
      created |= client.putContract(contract.getKey(), contractText(contract.getValue()));
    }
    int events = 0;
    if (created) {
      List<DemoRun> newestFirst = new ArrayList<>(DemoMesh.history(clock.instant()));
      Collections.reverse(newestFirst);
      events = send(newestFirst);
    }
    sendMisconfigured();
    return new DemoSummary(DemoMesh.CONTRACTS.size(), created, events);
  }

  /** One more run of every pipeline, ending now, and one rejected event; returns the number of events sent. */
  public int tick() {
    int events = send(DemoMesh.live(clock.instant()));
    sendMisconfigured();
    return events + 1;
  }

  /**
   * The mesh's one misconfigured producer: a cron script with a hand-written emitter whose event times lack a UTC
   * offset. Watershed must refuse them (400), which the platform dashboard shows as rejected events.
   */
  private void sendMisconfigured() {
    int status = client.postRawEvent(DemoMesh.misconfiguredEvent(clock.instant()));
    if (status != 400) {
      throw new DemoException("the misconfigured producer's event was answered " + status + ", not 400");
    }
  }

  /**
   * Sends the runs, {@link #PARALLEL} at a time, roughly in the given order; each run as its START and then its final
   * event, so that its start is known when it ends. Several producers at once is also what a real mesh looks like,
   * and lets Watershed commit their events together.
   */
  private int send(List<DemoRun> runs) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
      Thread t = new Thread(r, "demo-sender");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (DemoRun run : runs) {
        sent.add(pool.submit(() -> sendRun(run)));
      }
      int events = 0;
      for (Future<Integer> f : sent) {
        events += f.get();
      }
      return events;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoException("interrupted while sending the demo runs", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new DemoException(e.getCause().toString(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private int sendRun(DemoRun run) {
    List<RunEvent> events = DemoEvents.of(run);
    events.forEach(client::emit);
    return events.size();
  }

  /** A contract document shipped in the jar under {@code demo/contracts/}. */
  static String contractText(String file) {
    String path = "demo/contracts/" + file;
    try (InputStream in = DemoScenario.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("demo contract missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a load did.
   *
   * @param historySent true when the products were new and the history was sent
   * @param events OpenLineage events sent
   */
  public record DemoSummary(int products, boolean historySent, int events) {}
}
