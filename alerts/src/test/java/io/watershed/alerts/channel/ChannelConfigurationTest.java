package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.watershed.alerts.testing.AlertsDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The channels as Micronaut wires them, configured the way docs/alert-channels.md says. The module's other beans need
 * a graph, so the context points at the shared test database (and runs no background work).
 */
class ChannelConfigurationTest {

  @Test
  void shouldOfferTheHttpChannelsWithDefaultsWhenNothingIsConfigured() {
    try (ApplicationContext context = ApplicationContext.run(AlertsDatabase.quietContext(Map.of()))) {
      ChannelRegistry registry = context.getBean(ChannelRegistry.class);

      assertThat(registry.availableTypes())
          .containsExactly(ChannelType.SLACK, ChannelType.WEBHOOK, ChannelType.ALERTMANAGER);
      assertThat(context.getBean(HttpChannelSettings.class)).isEqualTo(HttpChannelSettings.defaults());
      assertThat(context.getBean(AlertmanagerSettings.class)).isEqualTo(AlertmanagerSettings.defaults());
      assertThat(context.containsBean(EmailChannel.class)).isFalse();
    }
  }

  @Test
  void shouldBindSettingsFromProperties() {
    try (ApplicationContext context = ApplicationContext.run(AlertsDatabase.quietContext(Map.of(
        "watershed.alerts.http.connect-timeout", "2s",
        "watershed.alerts.http.request-timeout", "15s",
        "watershed.alerts.http.max-response-bytes", "4096",
        "watershed.alerts.alertmanager.firing-ttl", "4h")))) {

      assertThat(context.getBean(HttpChannelSettings.class))
          .isEqualTo(new HttpChannelSettings(Duration.ofSeconds(2), Duration.ofSeconds(15), 4096));
      assertThat(context.getBean(AlertmanagerSettings.class).firingTtl()).isEqualTo(Duration.ofHours(4));
    }
  }

  @Test
  void shouldEnableEmailFromEnvironmentVariables() {
    PropertySource environment = PropertySource.of("env", Map.of(
        "WATERSHED_ALERTS_EMAIL_HOST", "smtp.company.com",
        "WATERSHED_ALERTS_EMAIL_PORT", "465",
        "WATERSHED_ALERTS_EMAIL_SECURITY", "SMTPS",
        "WATERSHED_ALERTS_EMAIL_USERNAME", "watershed",
        "WATERSHED_ALERTS_EMAIL_PASSWORD", "from-a-secret-store",
        "WATERSHED_ALERTS_EMAIL_FROM", "Watershed <watershed@company.com>",
        "WATERSHED_ALERTS_EMAIL_CONNECT_TIMEOUT", "3s",
        "WATERSHED_ALERTS_EMAIL_READ_TIMEOUT", "20s"), PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE,
        PropertySource.Origin.of("test environment"));
    try (ApplicationContext context = ApplicationContext.builder().propertySources(environment)
        .properties(AlertsDatabase.quietContext(Map.of())).start()) {
      EmailSettings settings = context.getBean(EmailSettings.class);

      assertThat(settings).isEqualTo(new EmailSettings("smtp.company.com", 465, EmailSettings.Security.SMTPS,
          "watershed", "from-a-secret-store", "Watershed <watershed@company.com>", Duration.ofSeconds(3),
          Duration.ofSeconds(20)));
      assertThat(context.getBean(ChannelRegistry.class).availableTypes()).contains(ChannelType.EMAIL);
    }
  }

  @Test
  void shouldDefaultToStartTlsOnTheSubmissionPort() {
    try (ApplicationContext context = ApplicationContext.run(AlertsDatabase.quietContext(Map.of(
        "watershed.alerts.email.host", "smtp.company.com",
        "watershed.alerts.email.from", "watershed@company.com")))) {
      EmailSettings settings = context.getBean(EmailSettings.class);

      assertThat(settings.port()).isEqualTo(587);
      assertThat(settings.security()).isEqualTo(EmailSettings.Security.STARTTLS);
      assertThat(settings.username()).isNull();
      assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
  }
}
