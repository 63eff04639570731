package io.watershed.alerts.routing;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/** Secrets from the process environment ({@code System.getenv}); tests replace this bean. */
@Singleton
@Secondary
public class EnvironmentSecrets implements SecretSource {

  @Override
  @Nullable
  public String secret(String variable) {
    return System.getenv(variable);
  }
}
