package io.watershed.graph.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies numbered Cypher migrations once each. Scripts use {@code IF NOT EXISTS}, so a crash between applying a
 * script and recording it is harmless: the next start runs it again.
 */
public final class SchemaMigrator {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
  private static final Pattern NAME = Pattern.compile(".*/V(\\d+)__([A-Za-z0-9_]+)\\.cypher");

  // Which migrations of a module were applied already?
  private static final String APPLIED =
      """
      MATCH (m:SchemaMigration {module: $module}) RETURN m.version AS version
      """;

  // Records that a migration ran.
  private static final String RECORD =
      """
      MERGE (m:SchemaMigration {module: $module, version: $version})
      ON CREATE SET m.description = $description, m.appliedAt = datetime()
      """;

  private final Driver driver;
  private final String database;

  public SchemaMigrator(Driver driver, String database) {
    this.driver = driver;
    this.database = database;
  }

  /** Applies what is missing from every set; returns how many scripts ran. */
  public int migrate(List<MigrationSet> sets) {
    int ran = 0;
    List<MigrationSet> ordered = new ArrayList<>(sets);
    ordered.sort(Comparator.comparing(MigrationSet::module));
    try (Session session = driver.session(SessionConfig.forDatabase(database))) {
      for (MigrationSet set : ordered) {
        List<Long> applied =
            session.executeRead(
                tx -> tx.run(APPLIED, Map.of("module", set.module())).list(r -> r.get("version").asLong()));
        for (String script : set.scripts()) {
          Matcher m = NAME.matcher(script);
          if (!m.matches()) {
            throw new IllegalStateException("migration name must be V<number>__<description>.cypher: " + script);
          }
          long version = Long.parseLong(m.group(1));
          if (applied.contains(version)) {
            continue;
          }
          for (String statement : statements(read(script))) {
            // Schema statements cannot share a transaction with data writes: one auto-commit each.
            session.run(statement).consume();
          }
          session.executeWrite(
              tx ->
                  tx.run(
                          RECORD,
                          Map.of("module", set.module(), "version", version, "description", m.group(2)))
                      .consume());
          LOG.info("Applied schema migration {} V{} {}", set.module(), version, m.group(2));
          ran++;
        }
      }
    }
    return ran;
  }

  static List<String> statements(String script) {
    StringBuilder current = new StringBuilder();
    List<String> out = new ArrayList<>();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String stmt = current.toString().strip();
        out.add(stmt.substring(0, stmt.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration not on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
