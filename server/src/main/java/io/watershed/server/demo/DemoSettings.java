package io.watershed.server.demo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The demo mesh, under {@code watershed.demo}: off unless {@code --demo} or {@code WATERSHED_DEMO=true}.
 *
 * @param enabled load the demo into this instance when it starts
 * @param interval how often the demo's pipelines run again once the history is loaded (live mode), so the fresh
 *     products stay fresh and the dashboards keep moving
 */
@ConfigurationProperties("watershed.demo")
public record DemoSettings(
    @Bindable(defaultValue = "false") boolean enabled, @Bindable(defaultValue = "1m") Duration interval) {

  public DemoSettings {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("watershed.demo.interval must be positive");
    }
  }
}
