package io.watershed.quality.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.graph.testing.Neo4jExtension;
import io.watershed.quality.api.ProductConflictException;
import io.watershed.quality.api.ProductNotFoundException;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.ProductName;
import io.watershed.quality.testing.Contracts;
import io.watershed.quality.testing.MutableClock;
import io.watershed.quality.testing.QualityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(Neo4jExtension.class)
class ProductRegistryIT {

  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private final MutableClock clock = new MutableClock(T0);

  @Test
  void shouldKeepEveryContractVersionAndStoreNothingForTheSameDocument() {
    try (QualityFixture quality = new QualityFixture(Neo4jExtension.connection(), clock).started()) {
      PutOutcome first = quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT));
      assertThat(first.created()).isTrue();
      assertThat(first.product().version()).isEqualTo(1);
      assertThat(quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT)).changed()).isFalse();

      clock.advance(Duration.ofMinutes(1));
      PutOutcome second = quality.registry.putFromApi(
          Contracts.parse(Contracts.ORDERS_CONTRACT.replace("freshness: 1h", "freshness: 2h")));
      assertThat(second.changed()).isTrue();
      assertThat(second.product().version()).isEqualTo(2);
      assertThat(quality.repository.versions("orders")).extracting(v -> v.version()).containsExactly(2, 1);
      assertThat(quality.repository.document("orders", 1)).hasValue(Contracts.ORDERS_CONTRACT);
      assertThat(quality.registry.exposing(List.of(new DatasetRef(Contracts.NAMESPACE, Contracts.ORDERS))))
          .containsExactly(ProductName.of("orders"));
      assertThat(links(quality)).containsEntry("domain", "sales").containsEntry("owners", 1L)
          .containsEntry("ports", 1L);
    }
  }

  @Test
  void shouldDeleteSoftlyAndBringAProductBackWithItsHistory() {
    try (QualityFixture quality = new QualityFixture(Neo4jExtension.connection(), clock).started()) {
      quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT));
      quality.evaluation.flush();
      clock.advance(Duration.ofHours(1));
      quality.registry.removeFromApi("orders");
      quality.evaluation.flush();
      assertThat(quality.registry.get("orders")).isEmpty();
      assertThat(quality.repository.state("orders")).isEmpty();
      assertThat(quality.meters.getMeters()).as("gauges go with the product").isEmpty();
      assertThat(quality.slo.intervals("orders", T0, clock.instant())).singleElement()
          .satisfies(i -> assertThat(i.to()).isEqualTo(T0.plus(Duration.ofHours(1))));
      assertThatThrownBy(() -> quality.registry.removeFromApi("orders")).isInstanceOf(ProductNotFoundException.class);

      PutOutcome back = quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT));
      assertThat(back.created()).isTrue();
      assertThat(back.product().version()).isEqualTo(2);
      assertThat(back.product().activeSince()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }
  }

  @Test
  void shouldLetAContractFileOwnItsProduct(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("orders.yml"), Contracts.ORDERS_CONTRACT);
    try (QualityFixture quality = new QualityFixture(Neo4jExtension.connection(), clock, dir).started()) {
      RegisteredProduct orders = quality.registry.get("orders").orElseThrow();
      assertThat(orders.source()).isEqualTo(ProductSource.file(dir.resolve("orders.yml")));
      assertThatThrownBy(() -> quality.registry.putFromApi(Contracts.parse(Contracts.ORDERS_CONTRACT)))
          .isInstanceOf(ProductConflictException.class).hasMessageContaining("orders.yml");
      assertThatThrownBy(() -> quality.registry.removeFromApi("orders")).isInstanceOf(ProductConflictException.class);

      Files.writeString(dir.resolve("fresh.yaml"), Contracts.FRESHNESS_ONLY);
      Files.delete(dir.resolve("orders.yml"));
      quality.directory.reload();
      assertThat(quality.registry.all()).extracting(p -> p.name().value()).containsExactly("orders-fresh");
    }
  }

  private Map<String, Object> links(QualityFixture quality) {
    try (var session = quality.connection.driver().session()) {
      return session.run("""
          MATCH (p:DataProduct {name: 'orders'})
          RETURN [(p)-[:IN_DOMAIN]->(d) | d.name][0] AS domain, COUNT { (:Owner)-[:OWNS_PRODUCT]->(p) } AS owners,
                 COUNT { (p)-[:EXPOSES]->(:Dataset) } AS ports
          """).single().asMap();
    }
  }
}
