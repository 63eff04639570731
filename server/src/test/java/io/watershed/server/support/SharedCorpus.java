package io.watershed.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenLineage event corpus in {@code ../shared/openlineage/events} (real integration output). It is not part of
 * the repository: tests that read it skip, saying why, where it is absent.
 */
public final class SharedCorpus {

  private SharedCorpus() {}

  public static Path events() {
    String dir = System.getProperty("watershed.shared.dir", "../../shared");
    Path events = Path.of(dir).resolve("openlineage/events").toAbsolutePath().normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(events),
        "shared OpenLineage corpus not found at " + events + ": skipping tests against real integration output");
    return events;
  }

  /** The full, spec-valid single events: {@code events/<source>/*.json}. */
  public static List<Path> validEvents() {
    Path root = events();
    try (Stream<Path> sources = Files.list(root)) {
      return sources
          .filter(Files::isDirectory)
          .filter(p -> !p.getFileName().toString().equals("nonconformant"))
          .filter(p -> !p.getFileName().toString().equals("partial"))
          .flatMap(SharedCorpus::jsonFiles)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path file(String relative) {
    return events().resolve(relative);
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> jsonFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
