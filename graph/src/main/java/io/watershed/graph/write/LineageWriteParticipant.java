package io.watershed.graph.write;

import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Transaction;

/**
 * What another module derives from a batch of events and stores in the SAME transaction as the batch's lineage (the
 * quality module's results from quality facets): both are committed or neither, so no crash can fall between two
 * commits, and the batch costs one commit and one log flush, not two. {@link LineageWriter} calls every participant
 * bean after the lineage rows, so the nodes the events name exist.
 *
 * <p>An implementation writes only what its events determine, by key (a second call with the same events changes
 * nothing): the ingest pipeline writes a batch again event by event when its transaction fails.
 */
public interface LineageWriteParticipant {

  /** Runs one Cypher statement in the writer's transaction. */
  @FunctionalInterface
  interface Statements {
    void run(String cypher, Map<String, Object> parameters);
  }

  /** Names the participant's step in the writer's statement timer. */
  String name();

  /** Writes with Neo4j's Java API on the writer's transaction (database in this JVM). */
  void writeInProcess(Transaction tx, List<LineageEvent> events);

  /** Writes the same with Cypher statements in the writer's transaction (Bolt). */
  void writeOverBolt(Statements statements, List<LineageEvent> events);
}
