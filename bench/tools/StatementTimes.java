import io.watershed.ingest.event.EventParser;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;

/**
 * Diagnostic, not part of the build: times each of the server's write statements as LineageWriter runs them (same
 * Cypher, same rows, same order, one transaction per batch), against a running Watershed's embedded Neo4j.
 *
 * <p>It reaches into server internals by reflection (LineageWriter$Rows, WriteCypher), so it runs with the server
 * jar on the class path and breaks when those change:
 *
 * <pre>
 * java -jar bench/target/watershed-bench.jar mesh --events 5000 --offset 1000000 --out /tmp/fresh.ndjson
 * java -cp server/target/watershed.jar bench/tools/StatementTimes.java bolt://127.0.0.1:PORT /tmp/fresh.ndjson 16 250 50 [dedupe]
 * </pre>
 *
 * PORT is in the server log ("Bolt on bolt://127.0.0.1:PORT"). Arguments: events per transaction, transactions,
 * warm-up transactions left out of the figures, and optionally {@code dedupe}: an ESTIMATE of the gain from sending
 * one JOBS/DATASETS/SCHEMA_FIELDS row per key (the latest) instead of one per mention. Use events the server has not
 * seen (a new --offset), or MERGE finds everything and the figures are too good.
 */
public class StatementTimes {

  static final String[] STATEMENTS = {
    "JOBS", "DATASETS", "SCHEMA_FIELDS", "RUNS", "PARENTS", "READS", "WRITES", "VERSIONS", "COLUMN_LINEAGE",
    "SYMLINKS", "JOB_OWNERS", "DATASET_OWNERS", "QUALITY_FACETS", "EVENTS"
  };
  static final String[] ROW_FIELDS = {
    "jobs", "datasets", "schemaFields", "runs", "parents", "reads", "writes", "versions", "columnLineage",
    "symlinks", "jobOwners", "datasetOwners", "qualityFacets", "events"
  };

  public static void main(String[] args) throws Exception {
    String bolt = args[0];
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    int batch = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int warmup = Integer.parseInt(args[4]);
    boolean dedupe = args.length > 5 && args[5].equals("dedupe");
    if (lines.size() < batch * rounds) {
      throw new IllegalArgumentException("need " + batch * rounds + " events, the file has " + lines.size());
    }
    EventParser parser = new EventParser();
    Class<?> rowsClass = Class.forName("io.watershed.graph.write.LineageWriter$Rows");
    Method rowsOf = rowsClass.getDeclaredMethod("of", List.class);
    rowsOf.setAccessible(true);
    Class<?> cypherClass = Class.forName("io.watershed.graph.write.WriteCypher");
    String[] cypher = new String[STATEMENTS.length];
    Field[] rowFields = new Field[STATEMENTS.length];
    for (int i = 0; i < STATEMENTS.length; i++) {
      Field f = cypherClass.getDeclaredField(STATEMENTS[i]);
      f.setAccessible(true);
      cypher[i] = (String) f.get(null);
      rowFields[i] = rowsClass.getDeclaredField(ROW_FIELDS[i]);
      rowFields[i].setAccessible(true);
    }
    double[] millis = new double[STATEMENTS.length + 1];
    long[] rowCounts = new long[STATEMENTS.length];
    int measured = 0;
    try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none());
        Session session = driver.session(SessionConfig.forDatabase("neo4j"))) {
      for (int r = 0; r < rounds; r++) {
        List<Object> events = new ArrayList<>();
        for (String line : lines.subList(r * batch, (r + 1) * batch)) {
          events.add(parser.parse(parser.readTree(line.getBytes(StandardCharsets.UTF_8)), ZonedDateTime.now(ZoneOffset.UTC)));
        }
        Object rows = rowsOf.invoke(null, events);
        double[] t = new double[STATEMENTS.length + 1];
        try (Transaction tx = session.beginTransaction()) {
          for (int i = 0; i < STATEMENTS.length; i++) {
            List<?> rowList = (List<?>) rowFields[i].get(rows);
            if (dedupe && (i == 0 || i == 1 || i == 2)) {
              rowList = latestPerKey(rowList);
            }
            if (rowList.isEmpty()) {
              continue;
            }
            long s0 = System.nanoTime();
            tx.run(cypher[i], Map.of("rows", rowList)).consume();
            t[i] = (System.nanoTime() - s0) / 1e6;
            if (r >= warmup) {
              rowCounts[i] += rowList.size();
            }
          }
          long c0 = System.nanoTime();
          tx.commit();
          t[STATEMENTS.length] = (System.nanoTime() - c0) / 1e6;
        }
        if (r >= warmup) {
          for (int i = 0; i < t.length; i++) {
            millis[i] += t[i];
          }
          measured++;
        }
      }
    }
    int events = measured * batch;
    double sum = Arrays.stream(millis).sum();
    System.out.printf("%d transactions of %d events (after %d warm-up transactions): %.2f ms per event%n", measured, batch, warmup, sum / events);
    for (int i = 0; i < millis.length; i++) {
      if (millis[i] == 0) {
        continue;
      }
      String name = i < STATEMENTS.length ? STATEMENTS[i] : "commit";
      String rowsPerEvent = i < STATEMENTS.length ? String.format("%.1f rows/event", (double) rowCounts[i] / events) : "";
      System.out.printf("  %-15s %5.1f%%  %6.3f ms/event  %s%n", name, 100 * millis[i] / sum, millis[i] / events, rowsPerEvent);
    }
  }

  /** Estimate only: one row per (namespace, name), the one with the latest eventTime (ties: the longer row). */
  @SuppressWarnings("unchecked")
  static List<?> latestPerKey(List<?> rows) {
    Map<List<Object>, Map<String, Object>> best = new LinkedHashMap<>();
    for (Object o : rows) {
      Map<String, Object> row = (Map<String, Object>) o;
      List<Object> key = List.of(row.get("namespace"), row.get("name"));
      Map<String, Object> current = best.get(key);
      int byTime = current == null ? 1 : ((Comparable<Object>) row.get("eventTime")).compareTo(current.get("eventTime"));
      if (byTime > 0 || (byTime == 0 && row.toString().length() > current.toString().length())) {
        best.put(key, row);
      }
    }
    return new ArrayList<>(best.values());
  }
}
