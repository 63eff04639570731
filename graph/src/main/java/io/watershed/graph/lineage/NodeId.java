package io.watershed.graph.lineage;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of the lineage graph as the Marquez API names it: {@code dataset:<namespace>:<name>},
 * {@code job:<namespace>:<name>} or {@code datasetField:<namespace>:<dataset>:<field>}.
 *
 * <p>Namespaces may be URIs ({@code postgres://host:5432}, {@code s3://bucket}): when the text after the type has
 * {@code ://}, the namespace runs through the scheme and the authority (host and optional port), and the name starts
 * after the next colon. Otherwise the namespace ends at the first colon.
 */
public record NodeId(NodeType type, String namespace, String name, @Nullable String field) {

  private static final Pattern URI_NAMESPACE =
      Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*://[^/:]*(?::\\d+)?)(?::(.+))?$", Pattern.DOTALL);

  public NodeId {
    if (namespace == null || namespace.isBlank()) {
      throw new InvalidNodeIdException("namespace must not be empty");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidNodeIdException("name must not be empty");
    }
    if (type == NodeType.DATASET_FIELD && (field == null || field.isBlank())) {
      throw new InvalidNodeIdException("a datasetField node id needs a field after the dataset name");
    }
  }

  public static NodeId dataset(String namespace, String name) {
    return new NodeId(NodeType.DATASET, namespace, name, null);
  }

  public static NodeId job(String namespace, String name) {
    return new NodeId(NodeType.JOB, namespace, name, null);
  }

  public static NodeId field(String namespace, String dataset, String field) {
    return new NodeId(NodeType.DATASET_FIELD, namespace, dataset, field);
  }

  /** Parses {@code type:namespace:name[:field]}. */
  public static NodeId parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidNodeIdException("must not be empty; expected dataset:<namespace>:<name> or job:<namespace>:<name>");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new InvalidNodeIdException("expected <type>:<namespace>:<name>, got no colon");
    }
    NodeType type = NodeType.fromPrefix(text.substring(0, colon));
    String rest = text.substring(colon + 1);
    String namespace;
    String remainder;
    Matcher m = URI_NAMESPACE.matcher(rest);
    if (rest.contains("://") && m.matches()) {
      namespace = m.group(1);
      remainder = m.group(2);
    } else {
      int sep = rest.indexOf(':');
      namespace = sep < 0 ? rest : rest.substring(0, sep);
      remainder = sep < 0 ? null : rest.substring(sep + 1);
    }
    if (remainder == null || remainder.isEmpty()) {
      throw new InvalidNodeIdException("expected <type>:<namespace>:<name>, the name is missing");
    }
    if (type == NodeType.DATASET_FIELD) {
      int last = remainder.lastIndexOf(':');
      if (last <= 0 || last == remainder.length() - 1) {
        throw new InvalidNodeIdException("expected datasetField:<namespace>:<dataset>:<field>");
      }
      return field(namespace, remainder.substring(0, last), remainder.substring(last + 1));
    }
    return new NodeId(type, namespace, remainder, null);
  }

  /** The dataset this field belongs to, or this node itself. */
  public NodeId datasetOfField() {
    return type == NodeType.DATASET_FIELD ? dataset(namespace, name) : this;
  }

  @Override
  public String toString() {
    String base = type.prefix() + ':' + namespace + ':' + name;
    return field == null ? base : base + ':' + field;
  }

  /** Kinds of lineage node. */
  public enum NodeType {
    DATASET("dataset"),
    JOB("job"),
    DATASET_FIELD("datasetField");

    private final String prefix;

    NodeType(String prefix) {
      this.prefix = prefix;
    }

    public String prefix() {
      return prefix;
    }

    static NodeType fromPrefix(String prefix) {
      for (NodeType t : values()) {
        if (t.prefix.equals(prefix)) {
          return t;
        }
      }
      throw new InvalidNodeIdException(
          "unknown node type '" + prefix + "'; expected dataset, job or datasetField");
    }
  }
}
