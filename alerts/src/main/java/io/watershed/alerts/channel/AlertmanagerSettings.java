package io.watershed.alerts.channel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Settings of the Alertmanager channel ({@code watershed.alerts.alertmanager.*}).
 *
 * @param firingTtl how far ahead {@code endsAt} is set on an active alert. Alertmanager resolves an alert by itself
 *     at {@code endsAt} unless it is posted again, so the delivery layer must re-post active alerts well within this
 *     window (a quarter of it is a good interval); if Watershed stops, its alerts expire instead of firing forever.
 */
@ConfigurationProperties("watershed.alerts.alertmanager")
public record AlertmanagerSettings(@Bindable(defaultValue = "1h") Duration firingTtl) {

  public AlertmanagerSettings {
    HttpChannelSettings.requirePositive(firingTtl, "firingTtl");
  }

  /** The defaults: alerts stay active for one hour after each post. */
  public static AlertmanagerSettings defaults() {
    return new AlertmanagerSettings(Duration.ofHours(1));
  }
}
