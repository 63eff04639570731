package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  /** The worked example of docs/alert-channels.md, also computed there with openssl and Python. */
  static final String SECRET = "whsec_2b7e151628aed2a6abf71588";
  static final long TIMESTAMP = 1772424300L; // 2026-03-02T04:05:00Z
  static final String BODY = "{\"version\":\"1\",\"id\":\"3f9a1c7e2b5d4e60:firing\"}";
  static final String SIGNATURE = "sha256=993063b0bb457a80b4c269f47ef55d6aca85b0d9cc344f99416b38651879e91f";

  private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP);

  @Test
  void shouldMatchAnIndependentHmacSha256Computation() {
    assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
  }

  @Test
  void shouldAcceptAnAuthenticRecentDelivery() {
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, SIGNATURE, NOW.plusSeconds(299))).isTrue();
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, SIGNATURE, NOW.minusSeconds(299)))
        .as("a receiver clock slightly behind").isTrue();
  }

  @Test
  void shouldRejectATamperedBodyOrTimestamp() {
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY.replace("firing", "resolved"), SIGNATURE, NOW))
        .isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1772424301", BODY, SIGNATURE, NOW)).isFalse();
  }

  @Test
  void shouldRejectAnotherSecret() {
    assertThat(WebhookSignature.verify("whsec_some_other_secret_000", "1772424300", BODY, SIGNATURE, NOW))
        .isFalse();
  }

  @Test
  void shouldRejectReplaysOutsideTheTolerance() {
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, SIGNATURE, NOW.plusSeconds(301))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, SIGNATURE, NOW.minusSeconds(301))).isFalse();
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    assertThat(WebhookSignature.verify(SECRET, "1772424300", body, SIGNATURE, NOW.plusSeconds(3600),
        Duration.ofHours(2))).as("a receiver may widen the window").isTrue();
  }

  @Test
  void shouldRejectMalformedHeadersWithoutThrowing() {
    assertThat(WebhookSignature.verify(SECRET, "yesterday", BODY, SIGNATURE, NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, null, BODY, SIGNATURE, NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, null, NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, SIGNATURE.substring(7), NOW))
        .as("missing sha256= prefix").isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, "sha256=not-hex", NOW)).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "1772424300", BODY, "sha256=abcd", NOW)).as("short").isFalse();
    assertThat(WebhookSignature.verify("", "1772424300", BODY, SIGNATURE, NOW)).isFalse();
  }
}
