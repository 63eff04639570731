package io.watershed.bench.mesh;

/**
 * One input column an output column is computed from, with the OpenLineage column-lineage transformation
 * ({@code DIRECT}/{@code IDENTITY} for a copied column, {@code DIRECT}/{@code AGGREGATION} for a metric).
 */
public record ColumnSource(DatasetDef dataset, String field, String type, String subtype) {}
