package io.watershed.server.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.server.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 2xx means durable: events acknowledged before a {@code kill -9} are all there after a restart on the same data
 * directory (and the restart itself works: the store lock died with the process).
 */
class KillNineDurabilityIT {

  @TempDir Path dataDir;

  @Test
  void shouldKeepEveryAcknowledgedEventAcrossKillNine() throws Exception {
    Path jar = ServerProcess.jar();
    Assumptions.assumeTrue(Files.isRegularFile(jar), "no packaged " + jar + ": run through `mvn verify`");
    Path log = dataDir.resolve("server.log");
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();

    try (ServerProcess server = ServerProcess.start(jar, dataDir.resolve("data"), log)) {
      Http http = new Http(server.url());
      ExecutorService producers = Executors.newFixedThreadPool(4);
      for (int p = 0; p < 4; p++) {
        producers.submit(
            () -> {
              for (int i = 0; i < 5_000 && !stop.get(); i++) {
                String runId = UUID.randomUUID().toString();
                try {
                  if (http.post("/api/v1/lineage", event(runId)).status() == 201) {
                    acknowledged.add(runId);
                  }
                } catch (RuntimeException connectionLost) {
                  // Expected once the server is killed under us; before that, keep going.
                }
              }
            });
      }
      // Kill while requests are in flight, once a fair number were acknowledged.
      Awaitility.await("200 acknowledged events (server log: " + log + ")")
          .atMost(java.time.Duration.ofSeconds(120))
          .until(() -> acknowledged.size() >= 200);
      server.kill9();
      stop.set(true);
      producers.shutdown();
      assertThat(producers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    try (ServerProcess restarted = ServerProcess.start(jar, dataDir.resolve("data"), log)) {
      Http http = new Http(restarted.url());
      long runs = http.get("/api/v1/namespaces/durability/jobs/writer/runs?limit=1").json().get("totalCount").asLong();
      assertThat(runs).isGreaterThanOrEqualTo(acknowledged.size());
      List<String> sample = acknowledged.stream().limit(300).toList();
      for (String runId : sample) {
        assertThat(http.get("/api/v1/runs/" + runId).status()).as("acknowledged run %s", runId).isEqualTo(200);
      }
    }
  }

  private static String event(String runId) {
    return """
        {"eventType":"COMPLETE","eventTime":"2026-11-21T10:00:00Z","producer":"https://example.com/durability",
         "run":{"runId":"%s"},"job":{"namespace":"durability","name":"writer"},
         "outputs":[{"namespace":"durability","name":"table"}]}
        """
        .formatted(runId);
  }
}
