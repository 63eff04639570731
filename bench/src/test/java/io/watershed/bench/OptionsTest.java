package io.watershed.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.bench.ingest.Limit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsTest {

  private static final Set<String> ALLOWED = Set.of("events", "duration", "warmup", "url");

  @Test
  void shouldReadBothOptionSpellings() {
    Options o = Options.parse(List.of("--events", "1_000", "--duration=2m"), ALLOWED);

    assertThat(o.number("events", 0, 0, Long.MAX_VALUE)).isEqualTo(1_000);
    assertThat(o.duration("duration", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void shouldRejectUnknownOptionsAndBadValues() {
    assertThatThrownBy(() -> Options.parse(List.of("--producer", "3"), ALLOWED)).hasMessageContaining("unknown option --producer");
    assertThatThrownBy(() -> Options.parse(List.of("--events"), ALLOWED)).hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Options.parse(List.of("--events", "x"), ALLOWED).number("events", 0, 0, 10)).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Options.parse(List.of("--events", "11"), ALLOWED).number("events", 0, 0, 10)).hasMessageContaining("between");
    assertThatThrownBy(() -> Options.parseDuration("duration", "1 minute")).hasMessageContaining("duration");
  }

  @Test
  void shouldParseDurationsWithAndWithoutUnits() {
    assertThat(Options.parseDuration("d", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Options.parseDuration("d", "60")).isEqualTo(Duration.ofSeconds(60));
    assertThat(Options.parseDuration("d", "1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldTakeWarmupAsACountOrADuration() {
    assertThat(BenchMain.warmupLimit(Options.parse(List.of("--warmup", "5000"), ALLOWED))).isEqualTo(Limit.ofEvents(5000));
    assertThat(BenchMain.warmupLimit(Options.parse(List.of("--warmup", "15s"), ALLOWED)))
        .isEqualTo(Limit.ofDuration(Duration.ofSeconds(15)));
    assertThat(BenchMain.warmupLimit(Options.parse(List.of("--warmup", "0"), ALLOWED)).isNone()).isTrue();
  }

  @Test
  void shouldBoundEveryMeasuredPhaseInCountAndTime() {
    Limit byTime = BenchMain.measureLimit(Options.parse(List.of("--duration", "30s"), ALLOWED));
    Limit byCount = BenchMain.measureLimit(Options.parse(List.of("--events", "50000"), ALLOWED));
    Limit byDefault = BenchMain.measureLimit(Options.parse(List.of(), ALLOWED));

    assertThat(byTime).isEqualTo(new Limit(Limit.MAX_EVENTS, Duration.ofSeconds(30)));
    assertThat(byCount).isEqualTo(new Limit(50_000, Limit.MAX_DURATION));
    assertThat(byDefault.duration()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shouldRefuseANonLocalServerWithUsageStatus() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    int status =
        BenchMain.run(
            List.of("ingest", "--url", "http://192.0.2.10:5000", "--events", "1", "--domains", "1"),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            errStream);

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to load a non-local server");
  }
}
