package io.watershed.quality.product;

import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.contract.ProductName;
import java.time.Instant;
import java.util.Objects;

/**
 * An active data product: its current contract and where that came from.
 *
 * @param version the number of the current contract version (1, 2, ...); every accepted change adds one
 * @param activeSince when the product was (re)created; a port never written is judged from this instant on
 */
public record RegisteredProduct(
    DataProductContract contract, int version, ProductSource source, Instant activeSince, Instant updatedAt) {

  public RegisteredProduct {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(activeSince, "activeSince");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  public ProductName name() {
    return contract.name();
  }

  /** The domain, or an empty text for an ODCS contract without one (metrics tags cannot be null). */
  public String domainLabel() {
    return contract.domain() == null ? "" : contract.domain();
  }
}
