package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Shares written either as ratios ({@code 0.99}) or as percents ({@code "99.9%"}). Percents go through
 * {@link BigDecimal} so that {@code 99.9%} becomes exactly {@code 0.999}, not {@code 0.9990000000000001}.
 */
final class Ratios {

  static final String AVAILABILITY_RULE =
      "must be a ratio greater than 0 and at most 1 (0.99) or a percent ('99.9%')";

  private Ratios() {}

  /**
   * An availability target: a number in (0, 1], or a text such as {@code "99.9%"} or {@code "0.99"}. With
   * {@code barePercents}, a number above 1 and at most 100 is read as a percent (ODCS writes {@code value: 99.9}).
   */
  static Optional<Double> availability(JsonNode value, boolean barePercents) {
    Optional<BigDecimal> ratio;
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      boolean percent = barePercents && number.compareTo(BigDecimal.ONE) > 0;
      ratio = Optional.of(percent ? number.movePointLeft(2) : number);
    } else if (value.isTextual()) {
      ratio = parse(value.textValue());
    } else {
      ratio = Optional.empty();
    }
    return ratio.filter(r -> r.signum() > 0 && r.compareTo(BigDecimal.ONE) <= 0).map(BigDecimal::doubleValue);
  }

  /** A percent of something, 0 to 100, as a share 0 to 1. */
  static Optional<Double> percentToShare(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      return Optional.empty();
    }
    return Optional.of(BigDecimal.valueOf(percent).movePointLeft(2).doubleValue());
  }

  private static Optional<BigDecimal> parse(String text) {
    String trimmed = text.strip();
    boolean percent = trimmed.endsWith("%");
    String digits = percent ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    try {
      BigDecimal number = new BigDecimal(digits);
      return Optional.of(percent ? number.movePointLeft(2) : number);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
