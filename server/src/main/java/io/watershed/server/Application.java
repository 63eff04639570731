package io.watershed.server;

import io.micronaut.runtime.Micronaut;
import java.util.Arrays;
import java.util.Map;

/**
 * Starts Watershed: HTTP on port 5000, and an embedded Neo4j unless WATERSHED_NEO4J_URI names a server. With
 * {@code --demo} it also loads the demo mesh (as {@code WATERSHED_DEMO=true} does).
 */
public final class Application {

  static final String DEMO_FLAG = "--demo";

  private Application() {}

  public static void main(String[] args) {
    Micronaut.build(withoutDemoFlag(args))
        .mainClass(Application.class)
        .banner(false)
        .properties(demoProperties(args))
        .start();
  }

  /** {@code watershed.demo.enabled=true} when the demo flag is given; nothing otherwise (the config decides). */
  static Map<String, Object> demoProperties(String[] args) {
    return Arrays.asList(args).contains(DEMO_FLAG) ? Map.of("watershed.demo.enabled", true) : Map.of();
  }

  static String[] withoutDemoFlag(String[] args) {
    return Arrays.stream(args).filter(a -> !a.equals(DEMO_FLAG)).toArray(String[]::new);
  }
}
