package io.watershed.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.watershed.alerts.delivery.DeliverySettings;
import io.watershed.alerts.delivery.DeliveryScheduler;
import io.watershed.alerts.testing.AlertsDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's and delivery's settings as docs/alerts.md documents them, and the switch for background work. */
class AlertsConfigurationTest {

  @Test
  void shouldUseTheDocumentedDefaults() {
    try (ApplicationContext context = ApplicationContext.run(AlertsDatabase.quietContext(Map.of()))) {
      AlertsSettings settings = context.getBean(AlertsSettings.class);
      assertThat(settings.groupWait()).isEqualTo(Duration.ofSeconds(2));
      assertThat(settings.impactDepth()).isEqualTo(10);
      assertThat(settings.labels()).isEmpty();
      assertThat(context.getBean(DeliverySettings.class)).isEqualTo(DeliverySettings.defaults());
      assertThat(context.containsBean(DeliveryScheduler.class)).as("watershed.alerts.enabled=false").isFalse();
      assertThat(context.containsBean(AlertScheduler.class)).isFalse();
    }
  }

  @Test
  void shouldBindFromEnvironmentVariables() {
    PropertySource env = PropertySource.of("env", Map.of(
        "WATERSHED_ALERTS_GROUP_WAIT", "5s",
        "WATERSHED_ALERTS_IMPACT_DEPTH", "12",
        "WATERSHED_ALERTS_DELIVERY_MAX_ATTEMPTS", "4",
        "WATERSHED_ALERTS_DELIVERY_LEASE", "90s",
        "WATERSHED_ALERTS_DELIVERY_WORKER_ID", "replica-1"),
        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE, PropertySource.Origin.of("test environment"));
    try (ApplicationContext context = ApplicationContext.builder().propertySources(env)
        .properties(AlertsDatabase.quietContext(Map.of("watershed.alerts.labels.env", "prod"))).start()) {
      AlertsSettings settings = context.getBean(AlertsSettings.class);
      assertThat(settings.groupWait()).isEqualTo(Duration.ofSeconds(5));
      assertThat(settings.impactDepth()).isEqualTo(12);
      assertThat(settings.labels()).containsExactly(Map.entry("env", "prod"));
      DeliverySettings delivery = context.getBean(DeliverySettings.class);
      assertThat(delivery.maxAttempts()).isEqualTo(4);
      assertThat(delivery.lease()).isEqualTo(Duration.ofSeconds(90));
      assertThat(delivery.workerId()).isEqualTo("replica-1");
    }
  }
}
