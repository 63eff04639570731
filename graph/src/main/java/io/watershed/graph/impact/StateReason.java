package io.watershed.graph.impact;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/**
 * One entry of a product's {@code stateReasons}, such as {@code STALE:bigquery:proj.ds.orders}: a reason code, then
 * usually the {@code namespace:name} of the dataset it is about.
 *
 * @param code the reason code, upper case ({@code STALE}, {@code INCOMPLETE}, {@code CHECK_FAILED} ...)
 * @param subject what follows the code, e.g. {@code bigquery:proj.ds.orders}; empty when the reason names nothing
 */
public record StateReason(String code, String subject) {

  public static StateReason parse(String text) {
    int colon = text.indexOf(':');
    String code = (colon < 0 ? text : text.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
    return new StateReason(code, colon < 0 ? "" : text.substring(colon + 1).trim());
  }

  /**
   * The kind of problem the code stands for: freshness codes are {@link CauseKind#STALE}, completeness and row
   * count codes {@link CauseKind#INCOMPLETE}, check codes {@link CauseKind#CHECK_FAILED}; null for other codes.
   */
  @Nullable
  public CauseKind kind() {
    if (code.startsWith("STALE") || code.contains("FRESH")) {
      return CauseKind.STALE;
    }
    if (code.contains("INCOMPLETE") || code.contains("COMPLETENESS") || code.contains("ROW_COUNT")) {
      return CauseKind.INCOMPLETE;
    }
    if (code.contains("CHECK") || code.contains("QUALITY") || code.contains("ASSERTION")) {
      return CauseKind.CHECK_FAILED;
    }
    return null;
  }

  /** True when the reason is about the dataset {@code namespace:name}. */
  public boolean isAbout(String namespace, String name) {
    return subject.equals(namespace + ":" + name);
  }
}
