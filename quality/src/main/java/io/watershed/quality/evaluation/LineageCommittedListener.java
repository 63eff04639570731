package io.watershed.quality.evaluation;

import io.micronaut.context.event.ApplicationEventListener;
import io.watershed.graph.events.LineageCommitted;
import io.watershed.graph.write.DatasetFacts;
import io.watershed.graph.write.LineageEvent;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.ProductName;
import io.watershed.quality.product.ProductRegistry;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reacts to committed OpenLineage events. It runs on the ingest writer's thread, so it only looks at what is in
 * memory: which products expose a dataset of the events (a map lookup); the evaluation thread does the rest. The
 * events' quality results are already stored: the writer stores them in the events' own transaction ({@link
 * io.watershed.quality.results.OpenLineageResultsWriter}).
 */
@Singleton
public class LineageCommittedListener implements ApplicationEventListener<LineageCommitted> {

  private final ProductRegistry registry;
  private final EvaluationService evaluation;

  public LineageCommittedListener(ProductRegistry registry, EvaluationService evaluation) {
    this.registry = registry;
    this.evaluation = evaluation;
  }

  @Override
  public void onApplicationEvent(LineageCommitted committed) {
    Set<DatasetRef> touched = new HashSet<>();
    for (LineageEvent event : committed.events()) {
      event.inputs().forEach(d -> add(touched, d));
      event.outputs().forEach(d -> add(touched, d));
      if (event.dataset() != null) {
        add(touched, event.dataset());
      }
    }
    evaluation.request(registry.exposing(touched).stream().map(ProductName::value).toList());
  }

  private static void add(Set<DatasetRef> touched, DatasetFacts dataset) {
    try {
      touched.add(new DatasetRef(dataset.namespace(), dataset.name()));
    } catch (IllegalArgumentException e) {
      // Not a name a contract can hold (control characters ...), so no product exposes it.
    }
  }
}
