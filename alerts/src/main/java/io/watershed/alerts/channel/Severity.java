package io.watershed.alerts.channel;

import java.util.Locale;

/** How urgent a notification is; the values match Alertmanager's customary {@code severity} label. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  /** Lowercase name used in payloads and labels. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
