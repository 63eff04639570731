package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the examples of docs/contracts.md: a fenced block after {@code <!-- example: accepted -->} must parse; one
 * after {@code <!-- example: rejected -->} must be rejected with exactly the message of the fenced block after it.
 * So the page cannot drift from the code.
 */
class DocsExamplesTest {

  // Surefire runs in the module directory; the docs are one level up, in the repository.
  private static final Path DOC = Path.of("..", "docs", "contracts.md");
  private static final String ACCEPTED = "<!-- example: accepted -->";
  private static final String REJECTED = "<!-- example: rejected -->";

  private record Example(int line, boolean accepted, String document, String expectedMessage) {}

  @TestFactory
  Stream<DynamicTest> shouldHonourEveryExampleOfTheContractsPage() throws IOException {
    return examples().stream().map(example -> DynamicTest.dynamicTest(
        (example.accepted() ? "accepted" : "rejected") + " example at docs/contracts.md:" + example.line(), () -> {
          if (example.accepted()) {
            assertThat(Fixtures.PARSER.parse(example.document()).name()).isNotNull();
          } else {
            assertThatThrownBy(() -> Fixtures.PARSER.parse(example.document()))
                .isInstanceOf(ContractValidationException.class)
                .hasMessage(example.expectedMessage());
          }
        }));
  }

  @Test
  void shouldFindBothKindsOfExamples() throws IOException {
    List<Example> examples = examples();
    assertThat(examples).filteredOn(Example::accepted).hasSizeGreaterThanOrEqualTo(3);
    assertThat(examples).filteredOn(example -> !example.accepted()).hasSizeGreaterThanOrEqualTo(3);
  }

  private static List<Example> examples() throws IOException {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.equals(ACCEPTED) && !line.equals(REJECTED)) {
        continue;
      }
      int[] next = {i + 1};
      String document = fencedBlock(lines, next);
      String expected = line.equals(REJECTED) ? fencedBlock(lines, next).stripTrailing() : null;
      examples.add(new Example(i + 1, line.equals(ACCEPTED), document, expected));
    }
    return examples;
  }

  /** The content of the next fenced block from {@code position[0]}, which is moved past it. */
  private static String fencedBlock(List<String> lines, int[] position) {
    int start = position[0];
    while (start < lines.size() && !lines.get(start).startsWith("```")) {
      start++;
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("```")) {
      end++;
    }
    if (end >= lines.size()) {
      throw new IllegalStateException("unterminated code block after docs/contracts.md:" + (position[0] + 1));
    }
    position[0] = end + 1;
    return String.join("\n", lines.subList(start + 1, end)) + "\n";
  }
}
