package io.watershed.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.watershed.alerts.channel.AffectedProduct;
import io.watershed.alerts.channel.Notification;
import io.watershed.alerts.channel.NotificationKind;
import io.watershed.alerts.channel.RootCause;
import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.alerts.channel.Severity;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationCodecTest {

  @Test
  void shouldReadBackExactlyWhatItStoredKeepingOrders() {
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put("runId", "r1");
    evidence.put("attempts", "3");
    Notification n = new Notification("3f9a:1a2b:2:resolved", "3f9a", NotificationKind.RESOLVED, Severity.CRITICAL,
        "orders_daily failed", "It failed.", Instant.parse("2026-03-02T04:00:00Z"),
        Instant.parse("2026-03-02T07:20:00Z"),
        new RootCause(RootCauseKind.LIFECYCLE_CHANGE, "dataset:bq:a", "dropped \"quoted\" ünïcode", evidence,
            List.of("dataset:bq:a", "job:bq:j", "dataset:bq:b")),
        List.of(new AffectedProduct("c360", "customer", "team@corp.test", "recovered", null),
            new AffectedProduct("clv", "customer", "team@corp.test", "recovered", "reads it through 1 job")),
        URI.create("https://w.example.com/api/v1/alerts?fingerprint=3f9a"), Map.of("env", "prod", "team", "x"));

    Notification back = NotificationCodec.read(NotificationCodec.write(n));

    assertThat(back).isEqualTo(n);
    assertThat(back.rootCause().evidence().keySet()).containsExactly("runId", "attempts");
  }
}
