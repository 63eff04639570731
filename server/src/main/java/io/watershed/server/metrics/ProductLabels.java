package io.watershed.server.metrics;

import java.util.Objects;

/**
 * The labels that name a data product on every product meter, as the quality module's gauges name it.
 *
 * @param domain the contract's domain, empty when it has none (Prometheus treats an empty label as absent)
 */
public record ProductLabels(String product, String domain) {

  public ProductLabels {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(domain, "domain");
  }
}
