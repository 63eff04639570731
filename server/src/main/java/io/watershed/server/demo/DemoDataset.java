package io.watershed.server.demo;

import java.util.List;

/**
 * A dataset of the demo mesh, named as its OpenLineage integration would name it.
 *
 * @param columns the schema the producer reports (empty for source tables the demo does not describe)
 */
public record DemoDataset(String namespace, String name, List<String> columns) {

  public DemoDataset {
    columns = List.copyOf(columns);
  }

  static DemoDataset of(String namespace, String name, String... columns) {
    return new DemoDataset(namespace, name, List.of(columns));
  }
}
