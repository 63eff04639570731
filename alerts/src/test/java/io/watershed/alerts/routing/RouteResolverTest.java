package io.watershed.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watershed.alerts.channel.AlertmanagerRoute;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.channel.DeliveryException;
import io.watershed.alerts.channel.EmailRoute;
import io.watershed.alerts.channel.SlackRoute;
import io.watershed.alerts.channel.WebhookRoute;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteResolverTest {

  private static final String SECRET = "s3cr3t-s3cr3t-s3cr3t";
  private final RouteResolver resolver = new RouteResolver(Map.of("HOOK_SECRET", SECRET)::get);

  @Test
  void shouldBuildEachChannelsRouteAndReadTheWebhookSecretFromItsVariable() throws DeliveryException {
    assertThat(resolver.resolve(ChannelType.EMAIL, "{\"type\":\"email\",\"to\":[\"a@corp.test\"]}"))
        .isEqualTo(new EmailRoute(List.of("a@corp.test")));
    assertThat(resolver.resolve(ChannelType.SLACK, "{\"webhookUrl\":\"https://hooks.slack.test/x\"}"))
        .isInstanceOf(SlackRoute.class);
    assertThat(resolver.resolve(ChannelType.ALERTMANAGER, "{\"url\":\"http://am:9093\"}"))
        .isInstanceOf(AlertmanagerRoute.class);
    WebhookRoute hook = (WebhookRoute) resolver.resolve(ChannelType.WEBHOOK,
        "{\"url\":\"https://hooks.corp.test/w\",\"secretEnv\":\"HOOK_SECRET\"}");
    assertThat(hook.secret()).isEqualTo(SECRET);
  }

  @Test
  void shouldFailAsMisconfiguredWithoutSecretsOrUrlsInTheMessage() {
    assertThatThrownBy(() -> resolver.resolve(ChannelType.WEBHOOK,
            "{\"url\":\"https://hooks.corp.test/w\",\"secretEnv\":\"MISSING\"}"))
        .isInstanceOfSatisfying(DeliveryException.class, e -> {
          assertThat(e.reason()).isEqualTo(DeliveryException.Reason.MISCONFIGURED);
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("MISSING").doesNotContain("hooks.corp.test");
        });
    assertThatThrownBy(() -> resolver.resolve(ChannelType.SLACK, "{\"webhookUrl\":\"https://hooks test/token-123\"}"))
        .isInstanceOfSatisfying(DeliveryException.class,
            e -> assertThat(e.getMessage()).contains("invalid URL").doesNotContain("token-123"));
    assertThatThrownBy(() -> resolver.resolve(ChannelType.EMAIL, "{\"to\":[\"not an address\"]}"))
        .isInstanceOf(DeliveryException.class);
  }
}
