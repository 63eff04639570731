package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A parsed contract document that still knows where each value was written: Jackson's trees drop locations, so the
 * reader records the line of every mapping key and sequence item next to the tree.
 *
 * @param text the document as given
 * @param root the top-level mapping
 * @param lines the 1-based line of each path that was present in the document
 */
record SourceDocument(String text, ObjectNode root, Map<FieldPath, Integer> lines) {

  SourceDocument {
    lines = Map.copyOf(lines);
  }

  /** The line of a path, or of its nearest present ancestor when the path itself is missing. */
  int lineOf(FieldPath path) {
    FieldPath current = path;
    while (true) {
      Integer line = lines.get(current);
      if (line != null) {
        return line;
      }
      if (current.isRoot()) {
        return 0;
      }
      current = current.parent();
    }
  }

  ContractProblem problem(FieldPath path, String rule) {
    return new ContractProblem(path.toString(), lineOf(path), rule);
  }
}
