package io.watershed.quality.contract;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a contract document.
 *
 * @param field the path of the field, keys joined by dots and array positions in brackets, e.g.
 *     {@code spec.quality.completeness.customer_id} or {@code schema[0].properties[2].quality[0].mustBe}; empty when
 *     the problem is about the document as a whole
 * @param line the 1-based line the field is written on (for a missing field: the line of the mapping that should
 *     hold it); 0 when there is no line to point at (e.g. the file is too big to read)
 * @param rule what is wrong, as a sentence that reads after the field name: "must be a number between 0 and 1"
 */
public record ContractProblem(String field, int line, String rule) implements Serializable {

  static final Comparator<ContractProblem> ORDER = Comparator.comparingInt(ContractProblem::line)
      .thenComparing(ContractProblem::field)
      .thenComparing(ContractProblem::rule);

  public ContractProblem {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(rule, "rule");
    if (line < 0) {
      throw new IllegalArgumentException("line must not be negative: " + line);
    }
  }

  /** {@code line 12: spec.quality.completeness.customer_id must be a number between 0 and 1}. */
  @Override
  public String toString() {
    String where = line > 0 ? "line " + line + ": " : "";
    String what = field.isEmpty() ? "the document" : field;
    return where + what + " " + rule;
  }
}
