package io.watershed.alerts.routing;

import io.watershed.alerts.channel.Severity;
import io.watershed.alerts.support.GraphValues;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/** Reads what routing needs from DataProduct nodes: domain, severity, owners and alert routes. */
public final class ProductDirectory {

  // Domain, severity, owners and routes of some products, read inside the caller's transaction.
  private static final String PRODUCTS =
      """
      UNWIND $names AS name
      MATCH (p:DataProduct {name: name})
      RETURN p.name AS name, coalesce([(p)-[:IN_DOMAIN]->(d:Domain) | d.name][0], p.domain) AS domain,
             p.severity AS severity, p.alertRoutes AS routes, p.state AS state, p.stateReasons AS reasons,
             [(o:Owner)-[:OWNS_PRODUCT]->(p) | o.name] AS owners
      """;

  private ProductDirectory() {}

  /**
   * One product as its contract describes it.
   *
   * @param domain "unknown" when the contract gives none
   * @param severity the contract's severity; WARNING when it gives none or an unknown one
   */
  public record ProductInfo(
      String name, String domain, Severity severity, List<String> owners, List<RouteSpec> routes, List<String> reasons) {

    /** Owners for people: "a@x, b@y", or "no owner" when the contract names none. */
    public String ownerText() {
      return owners.isEmpty() ? "no owner" : String.join(", ", owners);
    }
  }

  public static Map<String, ProductInfo> lookup(TransactionContext tx, Collection<String> names) {
    Map<String, ProductInfo> out = new LinkedHashMap<>();
    if (names.isEmpty()) {
      return out;
    }
    for (Record r : tx.run(PRODUCTS, Map.of("names", List.copyOf(names))).list()) {
      String name = r.get("name").asString();
      out.put(
          name,
          new ProductInfo(
              name,
              GraphValues.text(r.get("domain"), "unknown"),
              severity(GraphValues.text(r.get("severity"))),
              r.get("owners").asList(v -> v.asString()).stream().sorted().toList(),
              AlertRoutes.parse(name, GraphValues.text(r.get("routes"))),
              GraphValues.stringList(GraphValues.text(r.get("reasons")))));
    }
    return out;
  }

  public static Severity severity(String text) {
    if (text == null) {
      return Severity.WARNING;
    }
    try {
      return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Severity.WARNING;
    }
  }
}
