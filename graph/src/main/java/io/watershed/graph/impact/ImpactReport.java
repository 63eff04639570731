package io.watershed.graph.impact;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The downstream closure of a change: affected data products, datasets and jobs, and who owns them. Every entry
 * carries the path that explains it, from the changed node to the entry itself.
 *
 * @param start the changed node
 * @param fields the changed fields, empty for a job-level walk
 * @param truncated true when the depth or node limit stopped the walk while there was more to see
 * @param truncatedBy {@code depth} or {@code nodeLimit} when truncated
 */
public record ImpactReport(
    String start,
    List<String> fields,
    int depth,
    int nodeLimit,
    boolean truncated,
    @Nullable String truncatedBy,
    List<ImpactedProduct> products,
    List<ImpactedNode> datasets,
    List<ImpactedNode> jobs,
    List<ImpactedOwner> owners) {

  /**
   * A data product exposing an affected dataset.
   *
   * @param direct true when no job lies between the change and the product's dataset: the product's own data
   *     changed, or the changed job writes it. Otherwise the product is downstream of the change ("at risk").
   * @param dataset the nearest affected dataset it exposes
   * @param fields its affected fields, when found through column lineage
   * @param consumers the affected jobs that read its datasets, and the domains of affected products downstream
   */
  public record ImpactedProduct(
      String name,
      @Nullable String domain,
      @Nullable String severity,
      @Nullable String state,
      List<String> owners,
      boolean direct,
      String dataset,
      int distance,
      Precision precision,
      List<String> fields,
      List<String> path,
      Consumers consumers) {}

  /** An affected dataset or job; {@code fields} lists a dataset's affected fields in column-precise walks. */
  public record ImpactedNode(String id, int distance, Precision precision, List<String> fields, List<String> path) {}

  /** Someone who owns affected things: products (contract owners), datasets and jobs (ownership facets). */
  public record ImpactedOwner(String name, List<String> products, List<String> datasets, List<String> jobs) {}

  /** Who consumes a product: affected jobs that read it, and the domains of affected products downstream of it. */
  public record Consumers(List<String> jobs, List<String> domains) {}
}
