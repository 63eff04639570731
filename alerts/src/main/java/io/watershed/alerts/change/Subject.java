package io.watershed.alerts.change;

import io.micronaut.core.annotation.Nullable;
import io.watershed.graph.lineage.NodeId;
import java.util.Objects;

/**
 * What a change is about: a dataset, a job or a data product.
 *
 * @param namespace null for products
 */
public record Subject(Type type, @Nullable String namespace, String name) {

  /** The label of the node a change is about. */
  public enum Type {
    DATASET,
    JOB,
    PRODUCT
  }

  public Subject {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    if (type != Type.PRODUCT) {
      Objects.requireNonNull(namespace, "namespace");
    }
  }

  public static Subject dataset(String namespace, String name) {
    return new Subject(Type.DATASET, namespace, name);
  }

  public static Subject job(String namespace, String name) {
    return new Subject(Type.JOB, namespace, name);
  }

  public static Subject product(String name) {
    return new Subject(Type.PRODUCT, null, name);
  }

  /** {@code dataset:<ns>:<name>}, {@code job:<ns>:<name>} or {@code dataProduct:<name>}. */
  public String nodeId() {
    return switch (type) {
      case DATASET -> NodeId.dataset(namespace, name).toString();
      case JOB -> NodeId.job(namespace, name).toString();
      case PRODUCT -> "dataProduct:" + name;
    };
  }

  @Override
  public String toString() {
    return nodeId();
  }
}
