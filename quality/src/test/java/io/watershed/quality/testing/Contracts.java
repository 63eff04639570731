package io.watershed.quality.testing;

import io.watershed.quality.contract.ContractParser;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.product.ProductSource;
import io.watershed.quality.product.RegisteredProduct;
import java.time.Instant;

/** Contracts for tests, written in the short form. */
public final class Contracts {

  public static final String NAMESPACE = "postgres://db.example.com:5432";
  public static final String ORDERS = "shop.public.orders";

  /**
   * Product {@code orders} on one port: freshness 1h, {@code customer_id} completeness 0.95, 100..1000 rows, the
   * check {@code amount_positive}, availability 99% over 30 days.
   */
  public static final String ORDERS_CONTRACT =
      """
      spec:
        metadata:
          name: orders
          domain: sales
          owner: sales-data@example.com
        output_ports:
          - namespace: "postgres://db.example.com:5432"
            name: shop.public.orders
        quality:
          completeness:
            customer_id: 0.95
          freshness: 1h
          row_count:
            min: 100
            max: 1000
          checks:
            - amount_positive
        sla:
          availability: 0.99
          window: 30d
      """;

  /** Product {@code orders-fresh}: only a 1h freshness objective on the same port. */
  public static final String FRESHNESS_ONLY =
      """
      spec:
        metadata:
          name: orders-fresh
          domain: sales
          owner: sales-data@example.com
        output_ports:
          - namespace: "postgres://db.example.com:5432"
            name: shop.public.orders
        quality:
          freshness: 1h
        sla:
          availability: 0.99
      """;

  private Contracts() {}

  public static DataProductContract parse(String yaml) {
    return new ContractParser().parse(yaml);
  }

  public static RegisteredProduct registered(String yaml, Instant activeSince) {
    return new RegisteredProduct(parse(yaml), 1, ProductSource.API, activeSince, activeSince);
  }
}
