package io.watershed.graph.schema;

import java.util.List;

/**
 * Numbered Cypher scripts one module contributes to the schema. Each module that owns labels ships one bean of this
 * type; {@link SchemaMigrator} applies every set in version order at start and records what it applied.
 */
public interface MigrationSet {

  /** Short module name, e.g. {@code graph} or {@code quality}; part of each migration's identity. */
  String module();

  /** Classpath resources named {@code V<number>__<description>.cypher}, in the order they must run. */
  List<String> scripts();
}
