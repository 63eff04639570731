package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps ODCS {@code slaProperties}: {@code freshness} and {@code latency} (value and unit, or a duration text) become
 * the freshness objective; {@code availability} ({@code 99.9%}, {@code 99.9} or {@code 0.999}) the availability
 * target; every other property ({@code frequency}, {@code retention}, {@code timeOfAvailability} ...) is kept as
 * information under {@code sla.<property>}.
 */
final class OdcsServiceLevels {

  private final Problems problems;
  private final Problems warnings;
  private final Map<String, String> info;
  private final List<Duration> freshness = new ArrayList<>();
  private final List<Double> availability = new ArrayList<>();
  private FieldPath firstFreshness;
  private FieldPath firstAvailability;

  OdcsServiceLevels(Problems problems, Problems warnings, Map<String, String> info) {
    this.problems = problems;
    this.warnings = warnings;
    this.info = info;
  }

  void read(JsonNode slaProperties) {
    for (int i = 0; i < slaProperties.size(); i++) {
      FieldPath path = FieldPath.ROOT.key("slaProperties").index(i);
      JsonNode property = slaProperties.get(i);
      String name = property.path("property").asText("").strip();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "freshness", "latency" -> duration(path, property).ifPresent(duration -> {
          freshness.add(duration);
          firstFreshness = firstFreshness == null ? path : firstFreshness;
        });
        case "availability" -> {
          Double target = Ratios.availability(percentAware(property), true).orElse(null);
          if (target == null) {
            problems.add(path.key("value"), Ratios.AVAILABILITY_RULE);
          } else {
            availability.add(target);
            firstAvailability = firstAvailability == null ? path : firstAvailability;
          }
        }
        default -> info.merge("sla." + name, describe(property), (earlier, later) -> earlier + "; " + later);
      }
    }
  }

  /** The strictest freshness written, or null. */
  Duration freshness() {
    if (freshness.isEmpty()) {
      return null;
    }
    Duration strictest = freshness.stream().min(Duration::compareTo).orElseThrow();
    if (freshness.stream().distinct().count() > 1) {
      warnings.add(firstFreshness, "freshness/latency is given " + freshness.size() + " times; the strictest, "
          + ContractDurations.format(strictest) + ", is the objective");
    }
    return strictest;
  }

  /** The strictest availability written, or null. */
  Double availability() {
    if (availability.isEmpty()) {
      return null;
    }
    double strictest = availability.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    if (availability.stream().distinct().count() > 1) {
      warnings.add(firstAvailability, "availability is given " + availability.size() + " times; the strictest, "
          + strictest + ", is the target");
    }
    return strictest;
  }

  private Optional<Duration> duration(FieldPath path, JsonNode property) {
    JsonNode value = property.path("value");
    String unit = property.hasNonNull("unit") ? property.get("unit").asText().strip() : null;
    Optional<Duration> duration;
    if (unit != null && !ContractDurations.isUnit(unit)) {
      problems.add(path.key("unit"), ContractDurations.UNIT_RULE);
      return Optional.empty();
    }
    if (value.isNumber()) {
      if (unit == null) {
        problems.add(path.key("unit"), "is required with a numeric value: " + ContractDurations.UNIT_RULE);
        return Optional.empty();
      }
      duration = ContractDurations.ofValueAndUnit(value.doubleValue(), unit);
    } else if (value.isTextual() && unit != null) {
      duration = parseNumber(value.textValue()).flatMap(number -> ContractDurations.ofValueAndUnit(number, unit));
    } else if (value.isTextual()) {
      duration = ContractDurations.tryParse(value.textValue());
    } else {
      duration = Optional.empty();
    }
    if (duration.isEmpty()) {
      problems.add(path.key("value"), unit == null
          ? ContractDurations.RULE
          : "must be a positive number of " + unit);
    }
    return duration;
  }

  /** With {@code unit: percent} or {@code %}, a bare number is a percent even when it is 1 or less. */
  private static JsonNode percentAware(JsonNode property) {
    JsonNode value = property.path("value");
    String unit = property.path("unit").asText("").strip().toLowerCase(Locale.ROOT);
    if (value.isNumber() && (unit.equals("%") || unit.equals("percent"))) {
      return JsonNodeFactory.instance.textNode(value.asText() + "%");
    }
    return value;
  }

  private static Optional<Double> parseNumber(String text) {
    try {
      return Optional.of(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** {@code 3 y}, {@code 09:00-08:00 (element tab1.txn_ref_dt)}. */
  private static String describe(JsonNode property) {
    StringBuilder text = new StringBuilder(property.path("value").asText(""));
    if (property.hasNonNull("unit")) {
      text.append(' ').append(property.get("unit").asText());
    }
    if (property.hasNonNull("element")) {
      text.append(" (element ").append(property.get("element").asText()).append(')');
    }
    return text.toString().strip();
  }
}
