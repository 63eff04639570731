package io.watershed.quality.metrics;

import java.time.Duration;

/** A window as a tag value in the contract syntax: {@code 30d}, {@code 7d}, {@code 12h}, {@code 90m}, {@code 45s}. */
public final class WindowLabels {

  private WindowLabels() {}

  public static String of(Duration window) {
    long seconds = window.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
