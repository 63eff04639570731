package io.watershed.graph.write;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What an event says about one dataset.
 *
 * @param facets dataset facets (for outputs, output facets are added to the version, not the dataset)
 * @param ioFacets input or output facets ({@code dataQualityMetrics}, {@code outputStatistics} ...)
 * @param schema the fields of the {@code schema} facet, nested fields flattened with dots; null when the event has
 *     no schema facet (an empty list means "a schema with no fields")
 * @param schemaJson the schema facet's field list as JSON, null when absent
 */
public record DatasetFacts(
    String namespace,
    String name,
    FacetMap facets,
    FacetMap ioFacets,
    @Nullable List<FieldFacts> schema,
    @Nullable String schemaJson,
    List<SymlinkRef> symlinks,
    List<OwnerRef> owners,
    List<ColumnLineageEdge> columnLineage) {

  public DatasetFacts {
    schema = schema == null ? null : List.copyOf(schema);
    symlinks = List.copyOf(symlinks);
    owners = List.copyOf(owners);
    columnLineage = List.copyOf(columnLineage);
  }

  /** A bare reference, e.g. the input side of column lineage or a symlink target. */
  public static DatasetFacts reference(String namespace, String name) {
    return new DatasetFacts(
        namespace, name, FacetMap.EMPTY, FacetMap.EMPTY, null, null, List.of(), List.of(), List.of());
  }

  /** One field of a dataset's schema. */
  public record FieldFacts(String name, @Nullable String type, @Nullable String description) {}

  /** Another identifier of the same data ({@code symlinks} facet). */
  public record SymlinkRef(String namespace, String name, @Nullable String type) {}

  /**
   * One input field of one output field ({@code columnLineage} facet).
   *
   * @param transformationsJson the facet's transformations for this input, as JSON
   */
  public record ColumnLineageEdge(
      String outputField,
      String inputNamespace,
      String inputName,
      String inputField,
      @Nullable String transformationsJson) {}
}
