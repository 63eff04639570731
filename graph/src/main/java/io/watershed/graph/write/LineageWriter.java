package io.watershed.graph.write;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.watershed.graph.neo4j.GraphUnavailableException;
import io.watershed.graph.neo4j.InProcessTransactions;
import io.watershed.graph.neo4j.Neo4jConnection;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Writes a batch of events in ONE transaction: the events are flattened into rows per kind ({@link WriteRows}, which
 * merges rows about the same node) and each kind is written by one {@code UNWIND} statement over Bolt, or by the same
 * rules with Neo4j's Java API when the database lives in this JVM ({@link CoreApiWriter}); then every {@link
 * LineageWriteParticipant} adds what it derives from the events, in the same transaction. When this method
 * returns, the batch is committed (and, Neo4j's commit being durable, survives a crash); when it throws, nothing of
 * the batch was written.
 */
@Singleton
public class LineageWriter {

  /** Time per statement kind, to see where a transaction's time goes; the tag has one value per statement. */
  public static final String STATEMENT_TIMER = "watershed.neo4j.write.statement";

  private final Neo4jConnection connection;
  private final MeterRegistry registry;
  private final List<LineageWriteParticipant> participants;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Map<String, Timer> timersByCypher = new ConcurrentHashMap<>();

  @Inject
  public LineageWriter(
      Neo4jConnection connection, MeterRegistry registry, List<LineageWriteParticipant> participants) {
    this.connection = connection;
    this.registry = registry;
    this.participants = List.copyOf(participants);
  }

  /** A writer with participants whose statement timings are kept locally (tools and tests). */
  public LineageWriter(Neo4jConnection connection, List<LineageWriteParticipant> participants) {
    this(connection, new SimpleMeterRegistry(), participants);
  }

  /** A writer of lineage alone, whose statement timings are kept locally (tools and tests). */
  public LineageWriter(Neo4jConnection connection) {
    this(connection, List.of());
  }

  /**
   * Writes all events atomically: in-process when the database lives in this JVM, else over Bolt. Throws {@link
   * GraphUnavailableException} when the database cannot take the write now (nothing was written).
   */
  public void write(List<LineageEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    WriteRows rows = WriteRows.of(events);
    GraphDatabaseService local = connection.inProcessDatabase();
    if (local != null) {
      InProcessTransactions.writeInTransaction(
          local,
          tx -> {
            CoreApiWriter.write(tx, rows, (statement, step) -> timer(statement).record(step));
            participants.forEach(p -> timer(p.name()).record(() -> p.writeInProcess(tx, events)));
          });
      return;
    }
    try (Session session = connection.driver().session(connection.sessionConfig())) {
      session.executeWriteWithoutResult(
          tx -> {
            rows.writeTo(timed((cypher, parameters) -> tx.run(cypher, parameters).consume()));
            participants.forEach(
                p ->
                    timer(p.name())
                        .record(() -> p.writeOverBolt((c, parameters) -> tx.run(c, parameters).consume(), events)));
          });
    } catch (ServiceUnavailableException | SessionExpiredException | TransientException e) {
      throw new GraphUnavailableException("Neo4j cannot take writes now: " + e.getMessage(), e);
    }
  }

  private WriteRows.Statements timed(WriteRows.Statements statements) {
    return (cypher, parameters) ->
        timersByCypher
            .computeIfAbsent(cypher, c -> timer(WriteCypher.nameOf(c)))
            .record(() -> statements.run(cypher, parameters));
  }

  private Timer timer(String statement) {
    return timers.computeIfAbsent(
        statement,
        s ->
            Timer.builder(STATEMENT_TIMER)
                .description("Time of one write statement (or its in-process equivalent) of the ingest writer")
                .tag("statement", s)
                .register(registry));
  }

  /** Run state rank: a state never moves to a lower rank, so a late START cannot reopen a finished run. */
  static int rank(String state) {
    return switch (state) {
      case "COMPLETE", "FAIL", "ABORT" -> 2;
      case "START", "RUNNING" -> 1;
      default -> 0;
    };
  }

  /** The {@code versionId} of the DatasetVersion a run (or a DatasetEvent, by event id) wrote. */
  public static String versionId(String namespace, String name, String runOrEventId) {
    String key = namespace + '\u0000' + name + '\u0000' + runOrEventId;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
