package io.watershed.graph.lineage;

/** A node id that cannot be parsed; the message says which rule it broke. */
public class InvalidNodeIdException extends IllegalArgumentException {

  public InvalidNodeIdException(String rule) {
    super(rule);
  }
}
