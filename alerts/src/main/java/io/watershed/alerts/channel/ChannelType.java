package io.watershed.alerts.channel;

import java.util.Locale;

/** The ways Watershed can reach a recipient; each {@link Route} record names one. */
public enum ChannelType {
  EMAIL,
  SLACK,
  WEBHOOK,
  ALERTMANAGER;

  /** Lowercase name, as routes spell the type: {@code webhook}; also the {@code channel} label of the metrics. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
