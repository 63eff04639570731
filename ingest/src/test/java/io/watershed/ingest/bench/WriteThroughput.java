package io.watershed.ingest.bench;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.neo4j.Neo4jSettings;
import io.watershed.graph.schema.GraphMigrations;
import io.watershed.graph.schema.GraphSchema;
import io.watershed.graph.write.LineageEvent;
import io.watershed.graph.write.LineageWriter;
import io.watershed.ingest.event.EventParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Session;

/**
 * The ingest writer alone: events already parsed, written in transactions of a fixed size to a fresh embedded Neo4j
 * in this JVM, on one thread, as the server's writer thread does. Prints the writer's wall and CPU time per event for
 * each round. Not a test (the suite never runs it, nothing here asserts a time): run it by hand before and after a
 * change to the write path; it has no HTTP, parsing or other server threads in the figures.
 *
 * <pre>
 * java -jar bench/target/watershed-bench.jar mesh --events 60000 --out /tmp/mesh.ndjson
 * mvn -o -q -pl ingest -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp ingest/target/test-classes:ingest/target/classes:graph/target/classes:$(cat /tmp/cp.txt) \
 *     io.watershed.ingest.bench.WriteThroughput /tmp/mesh.ndjson [events-per-transaction, default 500]
 * </pre>
 *
 * <p>The first half of the file warms up the JIT and fills the graph; rounds after that are the figures to compare.
 * The host's speed drifts (shared VM): compare two builds by running them in turn, several times. It writes lineage
 * only: the quality module's results, which the server adds to the same transactions, are not in these figures.
 */
public final class WriteThroughput {

  private static final int ROUND_EVENTS = 5_000;

  private WriteThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: WriteThroughput <mesh.ndjson> [events-per-transaction]");
      System.exit(2);
    }
    int perTransaction = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    List<LineageEvent> events = parse(Path.of(args[0]));
    System.out.printf("%d events parsed; transactions of %d events%n", events.size(), perTransaction);

    Path dataDir = Files.createTempDirectory("watershed-write-throughput");
    Neo4jSettings settings = new Neo4jSettings();
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    try (Neo4jConnection connection = new Neo4jConnection(settings, dataDir.toString())) {
      new GraphSchema(connection, List.of(new GraphMigrations()));
      LineageWriter writer = new LineageWriter(connection, List.of());
      for (int from = 0; from < events.size(); from += ROUND_EVENTS) {
        List<LineageEvent> round = events.subList(from, Math.min(events.size(), from + ROUND_EVENTS));
        long wall = System.nanoTime();
        long cpu = threads.getThreadCpuTime(self);
        long allocated = threads.getThreadAllocatedBytes(self);
        for (int i = 0; i < round.size(); i += perTransaction) {
          writer.write(round.subList(i, Math.min(round.size(), i + perTransaction)));
        }
        double n = round.size();
        System.out.printf(
            "events %6d-%6d: writer %.3f ms/event wall, %.3f ms/event CPU, %.0f KB/event allocated%n",
            from,
            from + round.size(),
            (System.nanoTime() - wall) / 1e6 / n,
            (threads.getThreadCpuTime(self) - cpu) / 1e6 / n,
            (threads.getThreadAllocatedBytes(self) - allocated) / 1024.0 / n);
      }
      printGraphSize(connection, events.size());
    }
  }

  /** What the events made: nodes per label and relationships per type, per event written. */
  private static void printGraphSize(Neo4jConnection connection, int events) {
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      System.out.println("graph after the run, per event written:");
      session
          .run("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY n DESC")
          .forEachRemaining(
              r -> System.out.printf("  (:%s) %.3f%n", r.get("label").asString(), r.get("n").asLong() / (double) events));
      session
          .run("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY n DESC")
          .forEachRemaining(
              r -> System.out.printf("  [:%s] %.3f%n", r.get("type").asString(), r.get("n").asLong() / (double) events));
    }
  }

  private static List<LineageEvent> parse(Path ndjson) throws IOException {
    EventParser parser = new EventParser();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    List<LineageEvent> out = new ArrayList<>();
    for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        out.add(parser.parse(parser.readTree(line.getBytes(StandardCharsets.UTF_8)), now));
      }
    }
    return out;
  }
}
