package io.watershed.server;

import io.micronaut.runtime.Micronaut;

/** Starts Watershed: HTTP on port 5000, and an embedded Neo4j unless WATERSHED_NEO4J_URI names a server. */
public final class Application {

  private Application() {}

  public static void main(String[] args) {
    Micronaut.build(args).mainClass(Application.class).banner(false).start();
  }
}
