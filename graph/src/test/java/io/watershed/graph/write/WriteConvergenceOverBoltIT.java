package io.watershed.graph.write;

import io.watershed.graph.neo4j.Neo4jConnection;
import io.watershed.graph.testing.Neo4jExtension;

/** The same convergence checks with the writer's transactions sent over Bolt, as with an external Neo4j. */
class WriteConvergenceOverBoltIT extends WriteConvergenceIT {

  @Override
  Neo4jConnection connection() {
    Neo4jConnection bolt = Neo4jExtension.boltConnection();
    if (bolt.inProcessDatabase() != null) {
      throw new IllegalStateException("the Bolt connection must not write in-process");
    }
    return bolt;
  }
}
