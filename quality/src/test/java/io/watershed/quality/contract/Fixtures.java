package io.watershed.quality.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Reads the fixtures under src/test/resources/contracts (their story is in the README there). */
final class Fixtures {

  /** A fixed day, so that ODCS team members' dateOut is judged the same way every run. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T00:00:00Z"), ZoneOffset.UTC);
  static final ContractParser PARSER = new ContractParser(CLOCK);

  private Fixtures() {}

  static String text(String name) {
    String resource = "/contracts/" + name;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DataProductContract parse(String name) {
    return PARSER.parse(text(name));
  }

  static DataProductContract parseText(String text) {
    return PARSER.parse(text);
  }

  /** The problems of a document that must be rejected. */
  static List<ContractProblem> problemsOfText(String text) {
    ContractValidationException[] thrown = new ContractValidationException[1];
    assertThatThrownBy(() -> PARSER.parse(text))
        .isInstanceOfSatisfying(ContractValidationException.class, e -> thrown[0] = e);
    return thrown[0].problems();
  }

  static List<ContractProblem> problemsOf(String name) {
    return problemsOfText(text(name));
  }
}
