package io.watershed.graph.lineage;

/** The graph has no namespace, dataset, job, run or field by that name. */
public class NodeNotFoundException extends RuntimeException {

  private final String kind;
  private final String key;

  public NodeNotFoundException(String kind, String key) {
    super(kind + " not found: " + key);
    this.kind = kind;
    this.key = key;
  }

  public String kind() {
    return kind;
  }

  public String key() {
    return key;
  }
}
