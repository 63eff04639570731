package io.watershed.quality.product;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.watershed.quality.api.ProductConflictException;
import io.watershed.quality.api.ProductNotFoundException;
import io.watershed.quality.contract.ContractParser;
import io.watershed.quality.contract.ContractValidationException;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.ContractsConfiguration;
import io.watershed.quality.contract.ProductName;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active data products: stored in the graph (the truth, which survives restarts) and held in memory with their
 * parsed contracts, so that evaluation never parses a document and "which products expose this dataset?" is a map
 * lookup. Changes go through here, one at a time.
 *
 * <p>Who may change a product: while a contract directory is configured, a product defined by one of its files
 * belongs to that file (GitOps) and the API gets 409 for it; a file takes over a product of the same name that the
 * API defined. Without a directory, the API may change every product.
 */
@Singleton
public class ProductRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ProductRegistry.class);

  private final DataProductRepository repository;
  private final ContractParser parser;
  private final Clock clock;
  private final ApplicationEventPublisher<ProductChanged> changes;
  private final boolean filesOwnTheirProducts;
  private final ConcurrentMap<ProductName, RegisteredProduct> active = new ConcurrentHashMap<>();
  private volatile Map<DatasetRef, Set<ProductName>> byPort = Map.of();

  public ProductRegistry(
      DataProductRepository repository,
      Clock clock,
      ContractsConfiguration contracts,
      ApplicationEventPublisher<ProductChanged> changes) {
    this.repository = repository;
    this.clock = clock;
    this.parser = new ContractParser(clock);
    this.changes = changes;
    this.filesOwnTheirProducts = contracts.directory().isPresent();
  }

  /** The parser every contract of this registry goes through (its clock decides ODCS team membership). */
  public ContractParser parser() {
    return parser;
  }

  /** Reads every active product from the graph; called once at start. */
  public synchronized void load() {
    active.clear();
    for (DataProductRepository.StoredProduct stored : repository.loadActive()) {
      try {
        DataProductContract contract = parser.parse(stored.document());
        active.put(
            contract.name(),
            new RegisteredProduct(
                contract, stored.version(), stored.source(), stored.activeSince(), stored.updatedAt()));
      } catch (ContractValidationException | IllegalArgumentException e) {
        // A stored document that today's parser refuses (rules tightened since) is left out, loudly, not lost.
        LOG.error("Stored contract v{} of {} no longer parses; the product is not evaluated: {}",
            stored.version(), stored.name(), e.getMessage());
      }
    }
    reindex();
    LOG.info("Loaded {} data product(s) from the graph", active.size());
  }

  public Optional<RegisteredProduct> get(ProductName name) {
    return Optional.ofNullable(active.get(name));
  }

  public Optional<RegisteredProduct> get(String name) {
    return ProductName.isValid(name) ? get(ProductName.of(name)) : Optional.empty();
  }

  public List<RegisteredProduct> all() {
    return active.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
  }

  /** The active products exposing any of these datasets, by name. */
  public Set<ProductName> exposing(Collection<DatasetRef> datasets) {
    Map<DatasetRef, Set<ProductName>> index = byPort;
    Set<ProductName> names = new TreeSet<>();
    for (DatasetRef dataset : datasets) {
      names.addAll(index.getOrDefault(dataset, Set.of()));
    }
    return names;
  }

  /**
   * Stores a contract sent to the API (a new version when it differs from the current one) and makes it current.
   *
   * @throws ProductConflictException when a contract file owns the product
   */
  public synchronized PutOutcome putFromApi(DataProductContract contract) {
    checkApiMayChange(contract.name());
    return put(contract, ProductSource.API);
  }

  /** Stores a contract read from a file of the contract directory. */
  public synchronized PutOutcome putFromFile(DataProductContract contract, Path file) {
    RegisteredProduct current = active.get(contract.name());
    if (current != null && !current.source().isFile()) {
      LOG.info("Contract file {} takes over data product {}, defined through the API until now", file,
          contract.name());
    }
    return put(contract, ProductSource.file(file));
  }

  /**
   * Deletes a product through the API (softly: its history stays in the graph).
   *
   * @throws ProductNotFoundException when there is no such active product
   * @throws ProductConflictException when a contract file owns it
   */
  public synchronized void removeFromApi(String name) {
    ProductName product = get(name).map(RegisteredProduct::name)
        .orElseThrow(() -> new ProductNotFoundException(name));
    checkApiMayChange(product);
    remove(product);
  }

  /** Deletes a product whose file was removed, unless another source has taken it over since. */
  public synchronized void removeFromFile(ProductName name, Path file) {
    RegisteredProduct current = active.get(name);
    if (current != null && current.source().equals(ProductSource.file(file))) {
      remove(name);
    }
  }

  /** The names of products defined by files, for reconciling with a directory read at start. */
  public List<RegisteredProduct> fileProducts() {
    return all().stream().filter(p -> p.source().isFile()).toList();
  }

  private void checkApiMayChange(ProductName name) {
    RegisteredProduct current = active.get(name);
    if (filesOwnTheirProducts && current != null && current.source().isFile()) {
      throw new ProductConflictException("data product '" + name + "' is defined by the contract file "
          + current.source().value().substring("file:".length()) + "; change or delete that file instead");
    }
  }

  private PutOutcome put(DataProductContract contract, ProductSource source) {
    PutOutcome outcome = repository.put(contract, source, clock.instant());
    active.put(contract.name(), outcome.product());
    reindex();
    if (outcome.changed()) {
      changes.publishEvent(new ProductChanged(contract.name().value()));
    }
    return outcome;
  }

  private void remove(ProductName name) {
    repository.delete(name.value(), clock.instant());
    active.remove(name);
    reindex();
    changes.publishEvent(new ProductChanged(name.value()));
  }

  private void reindex() {
    Map<DatasetRef, Set<ProductName>> index = new HashMap<>();
    for (RegisteredProduct product : active.values()) {
      for (DatasetRef port : product.contract().outputPorts()) {
        index.computeIfAbsent(port, k -> new TreeSet<>()).add(product.name());
      }
    }
    index.replaceAll((k, v) -> Set.copyOf(v));
    byPort = Map.copyOf(index);
  }
}
