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
  void shouldLookUpOnlyNewOrChangedSchemas() {
    detector.detect(List.of(orders("r1", T0, "id:INT64", "amount:NUMERIC")));
    assertThat(lookups).as("first schema seen").hasSize(1);

    detector.detect(List.of(orders("r2", T0.plusHours(1), "id:INT64", "amount:NUMERIC")));
    assertThat(lookups).as("same schema, newer: no lookup").hasSize(1);

    detector.detect(List.of(orders("r3", T0.plusHours(2), "id:INT64")));
    assertThat(lookups).as("changed schema").hasSize(2);

    detector.detect(List.of(orders("r0", T0.minusHours(1), "id:INT64", "amount:NUMERIC", "note:STRING")));
    assertThat(lookups).as("an older version is superseded, whatever its schema").hasSize(2);

    detector.detect(List.of(orders("r3b", T0.plusHours(2), "id:INT64", "total:NUMERIC")));
    assertThat(lookups).as("another schema at the same time as the latest: the graph decides").hasSize(3);
  }

  @Test
  void shouldNotLookUpAStartThatArrivesAfterItsRunsComplete() {
    var complete = run("bigquery", "shop.orders_job", "r1", "COMPLETE", T0.plusMinutes(5))
        .output(dataset("bigquery", "shop.orders").schema("id:INT64")).build();
    var start = run("bigquery", "shop.orders_job", "r1", "START", T0)
        .output(dataset("bigquery", "shop.orders").schema("id:INT64")).build();

    detector.detect(List.of(complete, start));

    assertThat(lookups).as("one lookup, for the COMPLETE: the START is the same version, older").hasSize(1);
    assertThat(lookups.get(0)).hasSize(1);
  }

  private static io.watershed.graph.write.LineageEvent orders(String runId, ZonedDateTime at, String... fields) {
    return run("bigquery", "shop.orders_job", runId, "COMPLETE", at).output(dataset("bigquery", "shop.orders").schema(fields)).build();
  }
}
