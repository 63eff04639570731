package io.watershed.alerts.testing;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.watershed.alerts.routing.EnvironmentSecrets;
import io.watershed.alerts.routing.SecretSource;
import jakarta.inject.Singleton;

/** In Micronaut tests that set {@code watershed.test.webhook-secret}: that secret for every webhook route. */
@Singleton
@Replaces(EnvironmentSecrets.class)
@Requires(property = "watershed.test.webhook-secret")
public class FixedSecrets implements SecretSource {

  private final String secret;

  public FixedSecrets(@Value("${watershed.test.webhook-secret}") String secret) {
    this.secret = secret;
  }

  @Override
  public String secret(String variable) {
    return secret;
  }
}
