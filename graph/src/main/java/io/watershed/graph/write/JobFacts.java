package io.watershed.graph.write;

import java.util.List;

/** What an event says about its job. */
public record JobFacts(String namespace, String name, FacetMap facets, List<OwnerRef> owners) {

  public JobFacts {
    owners = List.copyOf(owners);
  }
}
