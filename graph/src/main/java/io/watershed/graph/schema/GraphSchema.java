package io.watershed.graph.schema;

import io.micronaut.context.annotation.Context;
import io.watershed.graph.neo4j.Neo4jConnection;
import java.util.List;

/** Brings the database schema up to date when the application starts, before any request is served. */
@Context
public class GraphSchema {

  public GraphSchema(Neo4jConnection connection, List<MigrationSet> sets) {
    new SchemaMigrator(connection.driver(), connection.database()).migrate(sets);
  }
}
