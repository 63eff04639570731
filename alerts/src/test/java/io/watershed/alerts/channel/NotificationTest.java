package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value records refuse what could not be delivered or would leak, where they are built. */
class NotificationTest {

  private static final Notification FIRING = SampleNotifications.firing();

  @Test
  void shouldRequireResolvedAtOnResolvedNotificationsOnly() {
    assertThatThrownBy(() -> copy(NotificationKind.RESOLVED, null, FIRING.labels()))
        .hasMessageContaining("resolvedAt is required");
    assertThatThrownBy(() -> copy(NotificationKind.FIRING, SampleNotifications.RESOLVED_AT, FIRING.labels()))
        .hasMessageContaining("only allowed on a RESOLVED");
    assertThatThrownBy(() -> copy(NotificationKind.RESOLVED, SampleNotifications.SINCE.minusSeconds(1),
        FIRING.labels())).hasMessageContaining("before since");
  }

  @Test
  void shouldRefuseIdsThatCannotTravelInHeaders() {
    for (String bad : List.of("", "a b", "a\r\nX-Injected: 1", "ünïcode", "-leading", "x".repeat(201))) {
      assertThatThrownBy(() -> new Notification(bad, "fp", NotificationKind.FIRING, Severity.INFO, "t", "s",
          SampleNotifications.SINCE, null, SampleNotifications.rootCause(), List.of(), SampleNotifications.LINK,
          Map.of())).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldBoundLabels() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= Notification.MAX_LABELS; i++) {
      many.put("l" + i, "v");
    }
    assertThatThrownBy(() -> copy(NotificationKind.FIRING, null, many)).hasMessageContaining("more than 20");
    assertThatThrownBy(() -> copy(NotificationKind.FIRING, null, Map.of("team-name", "x")))
        .hasMessageContaining("label name");
    assertThatThrownBy(() -> copy(NotificationKind.FIRING, null, Map.of("team", "x".repeat(201))))
        .hasMessageContaining("longer than 200");
  }

  @Test
  void shouldSortLabelsAndCopyCollections() {
    Map<String, String> labels = new HashMap<>(Map.of("zone", "eu", "app", "x"));
    Notification n = copy(NotificationKind.FIRING, null, labels);
    labels.put("later", "y");

    assertThat(n.labels()).containsOnlyKeys("app", "zone");
    assertThat(n.labels().keySet()).containsExactly("app", "zone");
  }

  @Test
  void shouldRefuseLinksThatAreNotAbsoluteHttpUrls() {
    for (String link : List.of("/api/v1/alerts/1", "ftp://host/x", "mailto:a@b.c")) {
      assertThatThrownBy(() -> new Notification("id", "fp", NotificationKind.FIRING, Severity.INFO, "t", "s",
          SampleNotifications.SINCE, null, SampleNotifications.rootCause(), List.of(), URI.create(link), Map.of()))
          .as(link).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldRefuseShortWebhookSecretsAndHideThem() {
    assertThatThrownBy(() -> new WebhookRoute(URI.create("https://example.com/hook"), "short"))
        .hasMessageContaining("at least 16");
    WebhookRoute route = new WebhookRoute(URI.create("https://example.com/hook?sig=abc"), "0123456789abcdef-secret");
    assertThat(route.toString()).isEqualTo("WebhookRoute[url=https://example.com/…, secret=***]");
  }

  @Test
  void shouldRefuseEmailRoutesWithoutValidRecipients() {
    assertThatThrownBy(() -> new EmailRoute(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> new EmailRoute(List.of("ok@company.com", "not an address")))
        .hasMessageContaining("not an email address");
    assertThat(new EmailRoute(List.of("Ops <ops@company.com>")).type()).isEqualTo(ChannelType.EMAIL);
  }

  @Test
  void shouldGiveEveryRouteItsChannelType() {
    URI url = URI.create("https://example.com/x");
    assertThat(new SlackRoute(url, " ").channel()).isNull();
    assertThat(new SlackRoute(url, null).type()).isEqualTo(ChannelType.SLACK);
    assertThat(new WebhookRoute(url, "0123456789abcdef").type()).isEqualTo(ChannelType.WEBHOOK);
    assertThat(new AlertmanagerRoute(url).type()).isEqualTo(ChannelType.ALERTMANAGER);
  }

  private static Notification copy(NotificationKind kind, Instant resolvedAt, Map<String, String> labels) {
    return new Notification(FIRING.id(), FIRING.fingerprint(), kind, FIRING.severity(), FIRING.title(),
        FIRING.summary(), FIRING.since(), resolvedAt, FIRING.rootCause(), FIRING.affectedProducts(), FIRING.link(),
        labels);
  }
}
