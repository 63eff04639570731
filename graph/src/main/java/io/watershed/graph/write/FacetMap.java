package io.watershed.graph.write;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Facets of one entity as sent: facet key to the facet's JSON, plus properties derived from some facets (a
 * description from {@code documentation}, a state from {@code lifecycleStateChange} ...). A derived property follows
 * its facet: it changes only when that facet comes from a later event, which keeps writes order-independent.
 */
public record FacetMap(Map<String, String> json, Map<String, Map<String, Object>> derived) {

  public static final FacetMap EMPTY = new FacetMap(Map.of(), Map.of());

  public FacetMap {
    json = Map.copyOf(json);
    derived = Map.copyOf(derived);
  }

  /** Returns a copy with the facets of {@code other} added (theirs win on equal keys). */
  public FacetMap plus(FacetMap other) {
    Map<String, String> j = new LinkedHashMap<>(json);
    j.putAll(other.json);
    Map<String, Map<String, Object>> d = new LinkedHashMap<>(derived);
    d.putAll(other.derived);
    return new FacetMap(j, d);
  }

  /** Derived properties as a Cypher parameter; values may be null to clear a property. */
  Map<String, Object> derivedParam() {
    Map<String, Object> out = new LinkedHashMap<>();
    derived.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
    return out;
  }
}
