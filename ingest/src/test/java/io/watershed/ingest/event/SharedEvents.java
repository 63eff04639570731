package io.watershed.ingest.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Every JSON file of the OpenLineage event corpus in {@code ../shared/openlineage/events} (real integration output,
 * including the nonconformant and partial ones). It is not part of the repository: tests that read it skip, saying
 * why, where it is absent.
 */
final class SharedEvents {

  private SharedEvents() {}

  static List<Path> allJsonFiles() {
    String dir = System.getProperty("watershed.shared.dir", "../../shared");
    Path events = Path.of(dir).resolve("openlineage/events").toAbsolutePath().normalize();
    Assumptions.assumeTrue(
        Files.isDirectory(events),
        "shared OpenLineage corpus not found at " + events + ": skipping the comparison with real integration output");
    try (Stream<Path> files = Files.walk(events)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
