package io.watershed.quality.product;

import io.watershed.quality.contract.AvailabilityTarget;
import io.watershed.quality.contract.DataProductContract;
import java.time.Duration;

/** The SLA window of a product: the contract's availability window, or 30 days when it sets no target. */
public final class ProductWindows {

  private ProductWindows() {}

  public static Duration window(DataProductContract contract) {
    return contract.availability() == null
        ? AvailabilityTarget.DEFAULT_WINDOW
        : contract.availability().window();
  }
}
