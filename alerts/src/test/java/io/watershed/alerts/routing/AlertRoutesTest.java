package io.watershed.alerts.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.alerts.channel.ChannelType;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRoutesTest {

  @Test
  void shouldMakeOneRecipientPerEmailAddressAndOnePerOtherRoute() {
    List<RouteSpec> routes = AlertRoutes.parse("customer-360", """
        [{"type":"email","to":["Team@Corp.test","oncall@corp.test"]},
         {"type":"slack","webhookUrl":"https://hooks.slack.test/services/T/B/SECRET","channel":"#data"},
         {"type":"webhook","url":"https://hooks.corp.test/w?token=abc","secretEnv":"HOOK_SECRET"},
         {"type":"alertmanager","url":"http://am:9093"},
         {"type":"email","to":["team@corp.test"]}]
        """);

    assertThat(routes).extracting(RouteSpec::type).containsExactly(
        ChannelType.EMAIL, ChannelType.EMAIL, ChannelType.SLACK, ChannelType.WEBHOOK, ChannelType.ALERTMANAGER);
    assertThat(routes.get(0).key()).isEqualTo("email:team@corp.test");
    assertThat(routes.get(0).json()).isEqualTo("{\"type\":\"email\",\"to\":[\"Team@Corp.test\"]}");
    assertThat(routes.get(2).display()).isEqualTo("slack https://hooks.slack.test/… #data").doesNotContain("SECRET");
    assertThat(routes.get(3).display()).doesNotContain("token");
    assertThat(routes.get(3).json()).contains("\"secretEnv\":\"HOOK_SECRET\"");
  }

  @Test
  void shouldSkipRoutesThatCannotBeDeliveredTo() {
    assertThat(AlertRoutes.parse("p", """
        [{"type":"slack","channel":"#only-a-channel"},
         {"type":"webhook","url":"https://x.test/hook"},
         {"type":"pager","to":"me"},
         {"type":"email","to":[]},
         {"type":"alertmanager"}]
        """)).isEmpty();
    assertThat(AlertRoutes.parse("p", "not json")).isEmpty();
    assertThat(AlertRoutes.parse("p", "{\"type\":\"email\"}")).isEmpty();
    assertThat(AlertRoutes.parse("p", null)).isEmpty();
  }

  @Test
  void shouldAcceptASingleAddress() {
    assertThat(AlertRoutes.parse("p", "[{\"type\":\"email\",\"address\":\"a@corp.test\"}]"))
        .extracting(RouteSpec::key).containsExactly("email:a@corp.test");
  }
}
