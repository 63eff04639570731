package io.watershed.alerts.change;

import static io.watershed.alerts.testing.Events.dataset;
import static io.watershed.alerts.testing.Events.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector asks the graph for a version's predecessor only when the schema may have changed. */
class ChangeDetectorSchemaMemoryTest {

  private static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 4, 0, 0, 0, ZoneOffset.UTC);

  private final List<List<String>> lookups = new ArrayList<>();
  private final ChangeDetector detector =
      new ChangeDetector(
          new SchemaHistory(null) {
            @Override
            public List<VersionSchemas> lookup(List<String> versionIds) {
              lookups.add(versionIds);
              return List.of();
            }
          });

  @Test
  void shouldLookUpOnlyNewOrChangedOrOlderSchemas() {
    detector.detect(List.of(orders("r1", T0, "id:INT64", "amount:NUMERIC")));
    assertThat(lookups).as("first schema seen").hasSize(1);

    detector.detect(List.of(orders("r2", T0.plusHours(1), "id:INT64", "amount:NUMERIC")));
    assertThat(lookups).as("same schema, newer: no lookup").hasSize(1);

    detector.detect(List.of(orders("r3", T0.plusHours(2), "id:INT64")));
    assertThat(lookups).as("changed schema").hasSize(2);

    detector.detect(List.of(orders("r0", T0.minusHours(1), "id:INT64")));
    assertThat(lookups).as("an older version, even with the same schema, is compared by the graph").hasSize(3);
  }

  private static io.watershed.graph.write.LineageEvent orders(String runId, ZonedDateTime at, String... fields) {
    return run("bigquery", "shop.orders_job", runId, "COMPLETE", at).output(dataset("bigquery", "shop.orders").schema(fields)).build();
  }
}
