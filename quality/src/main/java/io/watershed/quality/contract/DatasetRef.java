package io.watershed.quality.contract;

import java.util.Comparator;
import java.util.Objects;

/**
 * An OpenLineage dataset identifier: the namespace names the data source ({@code postgres://db.example.com:5432},
 * {@code bigquery}, {@code kafka://broker:9092}), the name the dataset inside it ({@code shop.public.orders}). This is
 * how a contract's output ports meet the lineage graph, so both parts are kept exactly as OpenLineage producers write
 * them (only surrounding whitespace is refused).
 */
public record DatasetRef(String namespace, String name) implements Comparable<DatasetRef> {

  public static final int MAX_LENGTH = 1024;
  private static final Comparator<DatasetRef> ORDER =
      Comparator.comparing(DatasetRef::namespace).thenComparing(DatasetRef::name);

  public DatasetRef {
    checkPart("namespace", namespace);
    checkPart("name", name);
  }

  /** Why a namespace or name is not acceptable, or null when it is. */
  static String problemWith(String part) {
    if (part == null || part.isBlank()) {
      return "must not be empty";
    }
    if (!part.equals(part.strip())) {
      return "must not start or end with whitespace";
    }
    if (part.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    if (part.chars().anyMatch(Character::isISOControl)) {
      return "must not contain control characters";
    }
    return null;
  }

  private static void checkPart(String label, String part) {
    Objects.requireNonNull(part, label);
    String problem = problemWith(part);
    if (problem != null) {
      throw new IllegalArgumentException("dataset " + label + " " + problem);
    }
  }

  @Override
  public int compareTo(DatasetRef other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
