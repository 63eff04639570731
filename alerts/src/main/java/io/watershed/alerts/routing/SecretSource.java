package io.watershed.alerts.routing;

import io.micronaut.core.annotation.Nullable;

/**
 * Where webhook secrets come from. Contracts name an environment variable ({@code secretEnv}); the secret itself is
 * read at send time and never stored or logged.
 */
@FunctionalInterface
public interface SecretSource {

  /** The value of the named variable, or null when it is not set. */
  @Nullable
  String secret(String variable);
}
