package io.watershed.alerts.channel;

import java.util.Locale;

/** What a notification announces about an alert. */
public enum NotificationKind {
  /** The recipient's data products broke their contract (stale, incomplete, checks failing, run failed). */
  FIRING,
  /** The problem announced by an earlier FIRING (or UPSTREAM_AT_RISK) notice is over. */
  RESOLVED,
  /** Something upstream broke; the recipient's products consume it and may be hit next. */
  UPSTREAM_AT_RISK;

  /** Lowercase name used on the wire: the {@code X-Watershed-Event} header and the {@code kind} payload field. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Name shown to people: {@code FIRING}, {@code RESOLVED}, {@code UPSTREAM AT RISK}. */
  public String displayName() {
    return name().replace('_', ' ');
  }
}
