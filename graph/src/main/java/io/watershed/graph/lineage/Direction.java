package io.watershed.graph.lineage;

import java.util.Locale;

/** Which way a traversal walks from its start node. */
public enum Direction {
  UPSTREAM,
  DOWNSTREAM,
  BOTH;

  public static Direction parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be one of upstream, downstream, both");
    }
  }
}
