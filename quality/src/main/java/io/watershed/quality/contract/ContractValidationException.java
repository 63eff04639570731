package io.watershed.quality.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A contract document that cannot be accepted. It carries every problem found, not only the first, so that an author
 * can fix a file in one go.
 */
public class ContractValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<ContractProblem> problems;

  public ContractValidationException(List<ContractProblem> problems) {
    super(describe(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one problem");
    }
    this.problems = problems.stream().sorted(ContractProblem.ORDER).distinct().toList();
  }

  public static ContractValidationException of(String field, int line, String rule) {
    return new ContractValidationException(List.of(new ContractProblem(field, line, rule)));
  }

  /** The problems, ordered by line. */
  public List<ContractProblem> problems() {
    return problems;
  }

  private static String describe(List<ContractProblem> problems) {
    List<ContractProblem> sorted = problems.stream().sorted(ContractProblem.ORDER).distinct().toList();
    String count = sorted.size() == 1 ? "1 problem" : sorted.size() + " problems";
    return "invalid contract (" + count + "):" + sorted.stream()
        .map(problem -> "\n  " + problem)
        .collect(Collectors.joining());
  }
}
