package io.watershed.graph.write;

import io.micronaut.core.annotation.Nullable;

/** An owner from an {@code ownership} facet, e.g. {@code team:data-platform} of type {@code MAINTAINER}. */
public record OwnerRef(String name, @Nullable String type) {}
