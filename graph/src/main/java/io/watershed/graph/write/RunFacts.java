package io.watershed.graph.write;

import io.micronaut.core.annotation.Nullable;

/**
 * What an event says about its run.
 *
 * @param parent the run's parent ({@code parent} run facet), if it names one
 */
public record RunFacts(String runId, FacetMap facets, @Nullable ParentRef parent) {

  /** The parent job and, when the facet carries one, the parent run. */
  public record ParentRef(String jobNamespace, String jobName, @Nullable String runId) {}
}
