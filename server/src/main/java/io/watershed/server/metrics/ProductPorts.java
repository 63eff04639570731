package io.watershed.server.metrics;

import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.ProductName;
import io.watershed.quality.product.ProductRegistry;
import io.watershed.quality.product.RegisteredProduct;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which data products expose a dataset, from the quality module's in-memory registry: a map lookup, so it may be
 * asked on the ingest writer's thread.
 */
@Singleton
public class ProductPorts {

  private final ProductRegistry registry;

  public ProductPorts(ProductRegistry registry) {
    this.registry = registry;
  }

  /** The active products exposing any of these datasets ({@code namespace}, {@code name} pairs). */
  public List<ProductLabels> exposing(List<DatasetKey> datasets) {
    Set<DatasetRef> refs = new HashSet<>();
    for (DatasetKey d : datasets) {
      try {
        refs.add(new DatasetRef(d.namespace(), d.name()));
      } catch (IllegalArgumentException e) {
        // Not an identifier a contract can hold (control characters ...), so no product exposes it.
      }
    }
    List<ProductLabels> products = new ArrayList<>();
    for (ProductName name : registry.exposing(refs)) {
      product(name.value()).ifPresent(products::add);
    }
    return products;
  }

  /** The labels of an active product. */
  public Optional<ProductLabels> product(String name) {
    return registry.get(name).map(ProductPorts::labels);
  }

  private static ProductLabels labels(RegisteredProduct product) {
    return new ProductLabels(product.name().value(), product.domainLabel());
  }

  /** A dataset's identity as OpenLineage sends it. */
  public record DatasetKey(String namespace, String name) {}
}
