package io.watershed.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

  @Test
  void shouldReadCommaSeparatedApiKeysAsEnvironmentVariablesGiveThem() {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("watershed.ingest.api-keys", "key-one,key-two"))) {
      assertThat(ctx.getBean(IngestSettings.class).getApiKeys()).containsExactly("key-one", "key-two");
    }
  }

  @Test
  void shouldHaveNoKeysByDefault() {
    try (ApplicationContext ctx = ApplicationContext.run()) {
      assertThat(ctx.getBean(IngestSettings.class).getApiKeys()).isEmpty();
    }
  }
}
