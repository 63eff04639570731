package io.watershed.quality.product;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.quality.api.InputTooLargeException;
import io.watershed.quality.api.Paging;
import io.watershed.quality.api.ProductNotFoundException;
import io.watershed.quality.contract.ContractParser;
import io.watershed.quality.contract.ContractValidationException;
import io.watershed.quality.contract.DataProductContract;
import java.util.List;
import java.util.Map;

/**
 * Data products and their contracts: {@code PUT/GET/DELETE /api/v1/data-products/{name}}, the list, and the kept
 * contract versions. A contract is sent as the document itself (YAML or JSON, short form or ODCS), at most 1 MiB.
 */
@Controller("/api/v1/data-products")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DataProductController {

  private final ProductRegistry registry;
  private final DataProductRepository repository;

  public DataProductController(ProductRegistry registry, DataProductRepository repository) {
    this.registry = registry;
    this.repository = repository;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public Map<String, Object> list(
      @Nullable @QueryValue Integer limit, @Nullable @QueryValue Integer offset, @Nullable @QueryValue String domain) {
    int l = Paging.limit(limit);
    int o = Paging.offset(offset);
    return Map.of("dataProducts", repository.list(domain, l, o), "totalCount", repository.count(domain));
  }

  @Get(value = "/{name}", produces = MediaType.APPLICATION_JSON)
  public ProductView get(@PathVariable String name) {
    RegisteredProduct product = registry.get(name).orElseThrow(() -> new ProductNotFoundException(name));
    return ProductView.of(product, repository.state(name).orElse(null));
  }

  @Put(
      value = "/{name}",
      consumes = {"application/yaml", MediaType.APPLICATION_YAML, "text/yaml", MediaType.APPLICATION_JSON,
          MediaType.TEXT_PLAIN},
      produces = MediaType.APPLICATION_JSON)
  public HttpResponse<ProductView> put(@PathVariable String name, @Body byte[] body) {
    InputTooLargeException.check(body, ContractParser.MAX_DOCUMENT_BYTES);
    DataProductContract contract = registry.parser().parse(body == null ? new byte[0] : body);
    if (!contract.name().value().equals(name)) {
      throw ContractValidationException.of(contract.source().nameField(), contract.source().nameLine(),
          "names the product '" + contract.name() + "', but the URL names '" + name + "'; they must be the same");
    }
    PutOutcome outcome = registry.putFromApi(contract);
    ProductView view = ProductView.of(outcome.product(), repository.state(name).orElse(null));
    return outcome.created() ? HttpResponse.created(view) : HttpResponse.ok(view);
  }

  @Delete("/{name}")
  public HttpResponse<Void> delete(@PathVariable String name) {
    registry.removeFromApi(name);
    return HttpResponse.noContent();
  }

  @Get(value = "/{name}/versions", produces = MediaType.APPLICATION_JSON)
  public Map<String, Object> versions(@PathVariable String name) {
    List<DataProductRepository.ContractVersionView> versions = repository.versions(name);
    if (versions.isEmpty()) {
      throw new ProductNotFoundException(name);
    }
    return Map.of("versions", versions);
  }

  @Get(value = "/{name}/versions/{version}", produces = MediaType.TEXT_PLAIN)
  public String version(@PathVariable String name, @PathVariable int version) {
    return repository.document(name, version)
        .orElseThrow(() -> ProductNotFoundException.version(name, version));
  }
}
