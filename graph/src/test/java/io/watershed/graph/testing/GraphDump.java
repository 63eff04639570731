package io.watershed.graph.testing;

import java.util.List;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;

/**
 * A canonical text form of the whole graph, for comparing two graphs regardless of internal ids and order. The time
 * an event was received is left out: it is the one property that legitimately differs between two deliveries.
 */
public final class GraphDump {

  private GraphDump() {}

  public static List<String> of(Driver driver) {
    try (var session = driver.session()) {
      List<String> nodes =
          session
              .run("MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n) AS l, properties(n) AS p")
              .list(r -> "N " + r.get("l").asList(Value::asString) + " " + sorted(r.get("p")));
      List<String> rels =
          session
              .run(
                  "MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(a) AS a, properties(r) AS p, properties(b) AS b")
              .list(
                  r ->
                      "R "
                          + r.get("t").asString()
                          + " "
                          + sorted(r.get("a"))
                          + " "
                          + sorted(r.get("p"))
                          + " "
                          + sorted(r.get("b")));
      java.util.ArrayList<String> all = new java.util.ArrayList<>(nodes);
      all.addAll(rels);
      all.sort(String::compareTo);
      return all;
    }
  }

  private static String sorted(Value map) {
    java.util.TreeMap<String, Object> props = new java.util.TreeMap<>(map.asMap());
    props.remove("receivedAt");
    // Arrays (compressed event payloads) by content, not by identity.
    props.replaceAll((k, v) -> v instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : v);
    return props.toString();
  }
}
