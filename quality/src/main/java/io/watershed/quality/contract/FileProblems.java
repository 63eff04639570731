package io.watershed.quality.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Why one file of a contract directory (or the directory itself) was not accepted. */
public record FileProblems(Path file, List<ContractProblem> problems) {

  public FileProblems {
    Objects.requireNonNull(file, "file");
    problems = List.copyOf(problems);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file.toString());
    problems.forEach(problem -> text.append("\n  ").append(problem));
    return text.toString();
  }
}
