package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Who may find and read a product.
 *
 * @param discovery who can see it in the catalog: {@code public}, {@code internal} or {@code private}; null when not
 *     stated
 * @param consumers the domains or teams that read it; they are told when it breaks (impact analysis)
 */
public record Access(@Nullable String discovery, List<String> consumers) {

  public static final Access NONE = new Access(null, List.of());

  public Access {
    consumers = List.copyOf(consumers);
  }
}
