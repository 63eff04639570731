package io.watershed.bench.mesh;

import io.watershed.bench.mesh.Store.LogicalType;

/** One column of a dataset's schema. */
public record FieldDef(String name, LogicalType type, String description) {}
