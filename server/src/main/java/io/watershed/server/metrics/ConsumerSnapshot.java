package io.watershed.server.metrics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The consumer side of every product at one moment, as read from the graph.
 *
 * @param products one entry per active product (at most {@code max-products})
 */
public record ConsumerSnapshot(List<ProductConsumers> products) {

  public ConsumerSnapshot {
    products = List.copyOf(products);
  }

  /**
   * Products of each domain read by jobs of each other domain: {@code domain -> consumer domain -> products}.
   * Domains beyond the budget are merged into {@link MetricNames#OTHER}.
   */
  Map<String, Map<String, Integer>> reuse(LabelBudget domains) {
    Map<String, Map<String, Set<String>>> products = new TreeMap<>();
    for (ProductConsumers p : this.products) {
      if (p.labels().domain().isEmpty()) {
        continue;
      }
      for (String consumer : p.crossDomainConsumers()) {
        products
            .computeIfAbsent(domains.label(p.labels().domain()), k -> new TreeMap<>())
            .computeIfAbsent(domains.label(consumer), k -> new TreeSet<>())
            .add(p.labels().product());
      }
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    products.forEach((domain, byConsumer) -> byConsumer.forEach(
        (consumer, names) -> counts.computeIfAbsent(domain, k -> new TreeMap<>()).put(consumer, names.size())));
    return counts;
  }

  /**
   * One product's consumers.
   *
   * @param consumerDomains the domains of its consumer jobs, its own included when a job of its domain reads it
   * @param reads runs of consumer jobs that read it within the long window (24 hours)
   * @param readsShort the same within the short window (1 hour)
   */
  public record ProductConsumers(
      ProductLabels labels, long consumerJobs, Set<String> consumerDomains, long reads, long readsShort) {

    public ProductConsumers {
      Objects.requireNonNull(labels, "labels");
      consumerDomains = Set.copyOf(consumerDomains);
    }

    /** Consumer domains other than the product's own. */
    public Set<String> crossDomainConsumers() {
      Set<String> others = new TreeSet<>(consumerDomains);
      others.remove(labels.domain());
      return others;
    }
  }
}
