package io.watershed.graph.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.graph.neo4j.InProcessTransactions;
import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.graph.testing.TestNeo4j;
import io.watershed.graph.write.LineageEvent.EventKind;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * The Java API writer finds a node and creates it when missing: when another transaction creates the same node first,
 * the write fails on the key and is retried as a whole.
 */
@ExtendWith(Neo4jExtension.class)
class CoreApiWriterIT {

  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  private GraphDatabaseService db;

  @BeforeEach
  void embeddedOnly(TestNeo4j neo4j) {
    Assumptions.assumeTrue(neo4j.kind().equals("embedded"), "only the embedded test database lives in this JVM");
    db = Neo4jExtension.connection().inProcessDatabase();
  }

  /**
   * Another writer (the quality module MERGEs datasets too) has created the same dataset and not committed yet: this
   * write does not see it, tries to create it, waits on the key's lock, fails on the key once the other commits, and is
   * retried, when it finds the other's node.
   */
  @Test
  void shouldRetryWhenAnotherTransactionCreatesTheSameDataset(TestNeo4j neo4j) throws Exception {
    DatasetFacts dataset =
        new DatasetFacts(
            "warehouse",
            "orders",
            new FacetMap(Map.of("documentation", "{\"description\":\"d\"}"), Map.of()),
            FacetMap.EMPTY,
            null,
            null,
            List.of(),
            List.of(),
            List.of());
    LineageEvent event =
        new LineageEvent(
            "e1", EventKind.DATASET_EVENT, null, T0, "test", null, EventPayload.of("{}"), T0, null, null, List.of(), List.of(), dataset);
    WriteRows rows = WriteRows.of(List.of(event));
    Thread writer = Thread.currentThread();
    CountDownLatch created = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> otherCommitted =
          other.submit(
              () -> {
                try (Transaction tx = db.beginTx()) {
                  Node d = tx.createNode(Label.label("Dataset"));
                  d.setProperty("namespace", "warehouse");
                  d.setProperty("name", "orders");
                  created.countDown();
                  // Commit once the writer waits on this transaction's lock on the key (bounded: 30 s). Its state
                  // alone would not do: it is WAITING in created.await() too, before it starts writing.
                  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                  while (!waitsOnNeo4jLock(writer) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                  }
                  tx.commit();
                  return true;
                }
              });
      assertThat(created.await(30, TimeUnit.SECONDS)).isTrue();
      AtomicInteger attempts = new AtomicInteger();

      InProcessTransactions.writeInTransaction(
          db,
          tx -> {
            attempts.incrementAndGet();
            CoreApiWriter.write(tx, rows, (statement, step) -> step.run());
          });

      assertThat(otherCommitted.get(30, TimeUnit.SECONDS)).isTrue();
      assertThat(attempts).hasValue(2);
    } finally {
      other.shutdownNow();
    }
    try (var session = neo4j.driver().session()) {
      var record =
          session
              .run(
                  "MATCH (d:Dataset {namespace: 'warehouse', name: 'orders'}) "
                      + "RETURN count(d) AS n, collect(d['facet.documentation'])[0] AS doc")
              .single();
      assertThat(record.get("n").asLong()).isEqualTo(1);
      assertThat(record.get("doc").asString()).isEqualTo("{\"description\":\"d\"}");
    }
  }

  private static boolean waitsOnNeo4jLock(Thread thread) {
    if (thread.getState() == Thread.State.RUNNABLE) {
      return false;
    }
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getClassName().startsWith("org.neo4j.kernel.impl.locking.")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldNotRetryOtherFailures() {
    AtomicInteger attempts = new AtomicInteger();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                InProcessTransactions.writeInTransaction(
                    db,
                    tx -> {
                      attempts.incrementAndGet();
                      tx.createNode(Label.label("Dataset")).setProperty("namespace", List.of("not", "storable"));
                    }))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(attempts).hasValue(1);
  }
}
