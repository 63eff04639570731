package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps ODCS {@code quality} rules onto Watershed's objectives:
 *
 * <ul>
 *   <li>{@code nullValues}/{@code missingValues} on a property, bounded from above ({@code mustBe: 0},
 *       {@code mustBeLessThan}, {@code mustBeLessOrEqualTo}, {@code mustBeBetween: [0, x]}), in {@code percent} or
 *       in {@code rows} (only zero rows) become a completeness threshold: at most x% nulls is a non-null ratio of at
 *       least 1 - x/100;
 *   <li>{@code rowCount} with a comparison becomes a row-count range (bounds made whole and inclusive);
 *   <li>every other rule that has a {@code name} becomes a named check that must pass;
 *   <li>the rest is kept as a warning: understood, not evaluated.
 * </ul>
 */
final class OdcsQualityRules {

  private static final List<String> OPERATORS = List.of("mustBe", "mustNotBe", "mustBeGreaterThan",
      "mustBeGreaterOrEqualTo", "mustBeLessThan", "mustBeLessOrEqualTo", "mustBeBetween", "mustNotBeBetween");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private final Problems problems;
  private final Problems warnings;
  private final Map<CompletenessKey, CompletenessObjective> completeness = new LinkedHashMap<>();
  private final List<RowCountObjective> rowCounts = new ArrayList<>();
  private final List<NamedCheck> checks = new ArrayList<>();

  private record CompletenessKey(DatasetRef dataset, String column) {}

  private record Operator(String name, JsonNode value) {}

  OdcsQualityRules(Problems problems, Problems warnings) {
    this.problems = problems;
    this.warnings = warnings;
  }

  /**
   * Maps the rules of one schema object or property.
   *
   * @param scopes the output ports the rules apply to; a single null means every output port
   * @param column the property's column, or null for rules of a schema object
   */
  void map(FieldPath path, JsonNode rules, List<DatasetRef> scopes, String column) {
    for (int i = 0; i < rules.size(); i++) {
      mapRule(path.index(i), rules.get(i), scopes, column);
    }
  }

  QualityObjectives objectives() {
    return new QualityObjectives(List.copyOf(completeness.values()), rowCounts, checks);
  }

  private void mapRule(FieldPath path, JsonNode rule, List<DatasetRef> scopes, String column) {
    String metric = rule.path("metric").asText("");
    String unmapped;
    if (metric.equals("nullValues") || metric.equals("missingValues")) {
      unmapped = column == null
          ? "uses metric '" + metric + "' on a schema object rather than on a property"
          : completeness(path, rule, scopes, column);
    } else if (metric.equals("rowCount")) {
      unmapped = rowCount(path, rule, scopes);
    } else if (!metric.isEmpty()) {
      unmapped = "uses metric '" + metric + "'";
    } else {
      unmapped = "is of type '" + rule.path("type").asText("library") + "'";
    }
    if (unmapped != null) {
      namedCheckOrWarning(path, rule, scopes, column, unmapped);
    }
  }

  /** Null when mapped (or found wrong, with a problem recorded); otherwise why it cannot be a threshold. */
  private String completeness(FieldPath path, JsonNode rule, List<DatasetRef> scopes, String column) {
    String unit = rule.path("unit").asText("rows").strip().toLowerCase(Locale.ROOT);
    boolean percent = unit.equals("percent") || unit.equals("%");
    if (!percent && !unit.equals("rows")) {
      problems.add(path.key("unit"), "must be rows or percent for a " + rule.path("metric").asText() + " rule");
      return null;
    }
    Operator operator = operator(rule);
    if (operator == null) {
      return "has no mustBe... operator";
    }
    FieldPath at = path.key(operator.name());
    if (!operator.name().startsWith("mustNot") && !operator.name().equals("mustBeBetween")
        && !operator.value().isNumber()) {
      problems.add(at, "must be a number");
      return null;
    }
    BigDecimal bound = upperBound(operator, percent);
    if (bound == null) {
      return "does not set an upper bound on nulls ('" + operator.name() + "')";
    }
    BigDecimal maxNullPercent;
    if (percent) {
      if (bound.signum() < 0 || bound.compareTo(HUNDRED) > 0) {
        problems.add(at, "must be a percent between 0 and 100");
        return null;
      }
      maxNullPercent = bound;
    } else if (bound.signum() < 0) {
      problems.add(at, "can never be met by a count of null rows");
      return null;
    } else if (bound.signum() > 0) {
      // A count of null rows only becomes a ratio when it is zero: "no nulls" is completeness 1.0.
      return "allows " + bound.toPlainString() + " null rows, which is not a share of the rows (use unit: percent)";
    } else {
      maxNullPercent = BigDecimal.ZERO;
    }
    double minRatio = BigDecimal.ONE.subtract(maxNullPercent.movePointLeft(2)).doubleValue();
    for (DatasetRef scope : scopes) {
      addCompleteness(path, new CompletenessObjective(scope, column, minRatio));
    }
    return null;
  }

  /**
   * The most nulls an operator allows, in the rule's unit, or null when it sets no upper bound. Whole rows are
   * counted exactly ("less than 1" is "at most 0"); for percents "less than x" is read as "at most x", a difference
   * below anything a measurement can show.
   */
  private static BigDecimal upperBound(Operator operator, boolean percent) {
    JsonNode value = operator.value();
    return switch (operator.name()) {
      case "mustBe" -> value.decimalValue().signum() == 0 ? BigDecimal.ZERO : null;
      case "mustBeLessOrEqualTo" -> percent ? value.decimalValue() : floor(value.decimalValue());
      case "mustBeLessThan" -> percent ? value.decimalValue() : minusOneCeiling(value.decimalValue());
      case "mustBeBetween" -> {
        BigDecimal low = value.get(0).decimalValue().min(value.get(1).decimalValue());
        BigDecimal high = value.get(0).decimalValue().max(value.get(1).decimalValue());
        yield low.signum() > 0 ? null : percent ? high : floor(high);
      }
      default -> null;
    };
  }

  private void addCompleteness(FieldPath path, CompletenessObjective objective) {
    CompletenessKey key = new CompletenessKey(objective.dataset(), objective.column());
    CompletenessObjective earlier = completeness.get(key);
    if (earlier == null) {
      completeness.put(key, objective);
      return;
    }
    if (earlier.minRatio() != objective.minRatio()) {
      warnings.add(path, "sets a second completeness threshold for '" + objective.column()
          + "'; the stricter one is kept");
    }
    if (objective.minRatio() > earlier.minRatio()) {
      completeness.put(key, objective);
    }
  }

  /** Null when mapped (or found wrong, with a problem recorded); otherwise why it cannot be a range. */
  private String rowCount(FieldPath path, JsonNode rule, List<DatasetRef> scopes) {
    String unit = rule.path("unit").asText("rows").strip().toLowerCase(Locale.ROOT);
    if (!unit.equals("rows")) {
      return "counts rows in '" + unit + "', not in rows";
    }
    Operator operator = operator(rule);
    if (operator == null) {
      return "has no mustBe... operator";
    }
    BigDecimal low = null;
    BigDecimal high = null;
    switch (operator.name()) {
      case "mustBe" -> {
        low = number(path, operator);
        high = low;
      }
      case "mustBeGreaterThan" -> low = plusOneFloor(number(path, operator));
      case "mustBeGreaterOrEqualTo" -> low = ceiling(number(path, operator));
      case "mustBeLessThan" -> high = minusOneCeiling(number(path, operator));
      case "mustBeLessOrEqualTo" -> high = floor(number(path, operator));
      case "mustBeBetween" -> {
        JsonNode range = operator.value();
        low = ceiling(range.get(0).decimalValue().min(range.get(1).decimalValue()));
        high = floor(range.get(0).decimalValue().max(range.get(1).decimalValue()));
      }
      default -> {
        return "uses '" + operator.name() + "', which is not a range";
      }
    }
    if (low == null && high == null) {
      return null; // a value that is not a number; the problem is recorded
    }
    if (operator.name().equals("mustBe")) {
      low = ceiling(low);
      high = floor(high);
    }
    if (low != null && low.signum() < 0) {
      low = BigDecimal.ZERO;
    }
    FieldPath at = path.key(operator.name());
    if ((high != null && high.signum() < 0) || (low != null && high != null && low.compareTo(high) > 0)) {
      problems.add(at, "can never be met by a row count");
      return null;
    }
    if ((low != null && low.compareTo(LONG_MAX) > 0) || (high != null && high.compareTo(LONG_MAX) > 0)) {
      problems.add(at, "is larger than any row count Watershed can measure");
      return null;
    }
    Long min = low == null ? null : low.longValueExact();
    Long max = high == null ? null : high.longValueExact();
    for (DatasetRef scope : scopes) {
      RowCountObjective objective = new RowCountObjective(scope, min, max);
      if (!rowCounts.contains(objective)) {
        rowCounts.add(objective);
      }
    }
    return null;
  }

  private void namedCheckOrWarning(
      FieldPath path, JsonNode rule, List<DatasetRef> scopes, String column, String unmapped) {
    String name = rule.path("name").asText("").strip();
    if (name.isEmpty()) {
      warnings.add(path, unmapped + "; Watershed does not evaluate it (give the rule a 'name' to track it as a "
          + "named check)");
      return;
    }
    String description = rule.path("description").asText("").strip();
    for (DatasetRef scope : scopes) {
      NamedCheck check = new NamedCheck(name, scope, column, description.isEmpty() ? null : description);
      if (!checks.contains(check)) {
        checks.add(check);
      }
    }
  }

  private static Operator operator(JsonNode rule) {
    for (String name : OPERATORS) {
      if (rule.has(name)) {
        return new Operator(name, rule.get(name));
      }
    }
    return null;
  }

  private BigDecimal number(FieldPath path, Operator operator) {
    if (!operator.value().isNumber()) {
      problems.add(path.key(operator.name()), "must be a number");
      return null;
    }
    return operator.value().decimalValue();
  }

  private static BigDecimal floor(BigDecimal value) {
    return value == null ? null : value.setScale(0, RoundingMode.FLOOR);
  }

  private static BigDecimal ceiling(BigDecimal value) {
    return value == null ? null : value.setScale(0, RoundingMode.CEILING);
  }

  private static BigDecimal plusOneFloor(BigDecimal value) {
    return value == null ? null : floor(value).add(BigDecimal.ONE);
  }

  private static BigDecimal minusOneCeiling(BigDecimal value) {
    return value == null ? null : ceiling(value).subtract(BigDecimal.ONE);
  }
}
