package io.watershed.quality.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems (or warnings) found in one document, each placed on its line, so that a parser can go on
 * after the first and report them all together.
 */
final class Problems {

  private final SourceDocument document;
  private final List<ContractProblem> found = new ArrayList<>();

  Problems(SourceDocument document) {
    this.document = document;
  }

  void add(FieldPath path, String rule) {
    found.add(document.problem(path, rule));
  }

  void add(ContractProblem problem) {
    found.add(problem);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  int count() {
    return found.size();
  }

  List<ContractProblem> list() {
    return found.stream().sorted(ContractProblem.ORDER).distinct().toList();
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ContractValidationException(found);
    }
  }
}
