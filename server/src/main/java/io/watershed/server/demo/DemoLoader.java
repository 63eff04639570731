package io.watershed.server.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.watershed.ingest.pipeline.IngestSettings;
import io.watershed.server.demo.DemoScenario.DemoSummary;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code --demo} (or {@code WATERSHED_DEMO=true}), loads the demo mesh into this instance once its HTTP server
 * is up, through the same APIs a user would call, then keeps the pipelines running every
 * {@code watershed.demo.interval}. It works on its own thread: the server answers requests meanwhile.
 */
@Singleton
@Requires(property = "watershed.demo.enabled", value = "true")
public class DemoLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
  /** A server bound to every address is reached over loopback. */
  private static final Set<String> ANY_ADDRESS = Set.of("0.0.0.0", "::", "[::]");

  private final DemoSettings settings;
  private final Clock clock;
  private final @Nullable String apiKey;
  private final @Nullable String configuredHost;
  private final CompletableFuture<DemoSummary> loaded = new CompletableFuture<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo");
        t.setDaemon(true);
        return t;
      });
  private volatile DemoClient client;

  public DemoLoader(
      DemoSettings settings,
      Clock clock,
      IngestSettings ingest,
      @Nullable @Value("${micronaut.server.host:}") String configuredHost) {
    this.settings = settings;
    this.clock = clock;
    this.apiKey = ingest.getApiKeys().isEmpty() ? null : ingest.getApiKeys().get(0);
    this.configuredHost = configuredHost == null || configuredHost.isBlank() || ANY_ADDRESS.contains(configuredHost)
        ? null : configuredHost;
  }

  /** Completes when the contracts and the history are loaded (or fails with why they could not be). */
  public CompletableFuture<DemoSummary> loaded() {
    return loaded;
  }

  @EventListener
  void onStartup(ServerStartupEvent event) {
    EmbeddedServer server = event.getSource();
    // The demo calls this very process: over loopback unless the server listens on one address only.
    URI base = URI.create(server.getScheme() + "://" + (configuredHost != null ? configuredHost : "127.0.0.1")
        + ":" + server.getPort());
    executor.execute(() -> load(base));
  }

  private void load(URI base) {
    try {
      client = new DemoClient(base, apiKey);
      DemoScenario scenario = new DemoScenario(client, clock);
      DemoSummary summary = scenario.load();
      LOG.info("Demo loaded: {} data products, {} events of history{}", summary.products(), summary.events(),
          summary.historySent() ? "" : " (the products existed already: history not sent again)");
      long every = settings.interval().toMillis();
      executor.scheduleWithFixedDelay(() -> tick(scenario), every, every, TimeUnit.MILLISECONDS);
      loaded.complete(summary);
    } catch (RuntimeException e) {
      LOG.error("The demo could not be loaded: {}", e.getMessage(), e);
      loaded.completeExceptionally(e);
    }
  }

  private void tick(DemoScenario scenario) {
    try {
      scenario.tick();
    } catch (RuntimeException e) {
      // A failed tick (the server shutting down, Neo4j briefly unavailable) is retried at the next one.
      LOG.warn("Demo runs not sent this time: {}", e.getMessage());
    }
  }

  @PreDestroy
  void stop() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
    if (client != null) {
      client.close();
    }
  }
}
