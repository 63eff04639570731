package io.watershed.alerts.channel;

/** The ways Watershed can reach a recipient; each {@link Route} record names one. */
public enum ChannelType {
  EMAIL,
  SLACK,
  WEBHOOK,
  ALERTMANAGER
}
