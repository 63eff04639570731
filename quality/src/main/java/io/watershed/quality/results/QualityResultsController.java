package io.watershed.quality.results;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.quality.QualitySettings;
import io.watershed.quality.api.InputTooLargeException;
import io.watershed.quality.contract.ProductName;
import io.watershed.quality.product.ProductChanged;
import io.watershed.quality.product.ProductRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Quality results in: {@code POST /api/v1/quality/results} (Watershed's own JSON shape, docs/quality.md) and
 * {@code POST /api/v1/quality/dbt} (dbt's run_results.json with its manifest.json). A request is stored whole or,
 * when anything in it is wrong, not at all (400 naming every field at fault). The products exposing the datasets
 * are evaluated again right after.
 */
@Controller("/api/v1/quality")
@ExecuteOn(TaskExecutors.BLOCKING)
public class QualityResultsController {

  private final ResultStore store;
  private final ProductRegistry registry;
  private final ApplicationEventPublisher<ProductChanged> reevaluate;
  private final QualitySettings settings;
  private final NativeResultsParser nativeParser;
  private final DbtArtifactsParser dbtParser = new DbtArtifactsParser();

  public QualityResultsController(
      ResultStore store,
      ProductRegistry registry,
      ApplicationEventPublisher<ProductChanged> reevaluate,
      QualitySettings settings,
      Clock clock) {
    this.store = store;
    this.registry = registry;
    this.reevaluate = reevaluate;
    this.settings = settings;
    this.nativeParser = new NativeResultsParser(clock, settings.maxResultsPerRequest());
  }

  @Post(value = "/results", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public Stored results(@Body byte[] body) {
    InputTooLargeException.check(body, settings.maxResultsBytes());
    QualityBatch batch = nativeParser.parse(body);
    return store(batch, batch.checks().size(), 0);
  }

  @Post(value = "/dbt", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public Stored dbt(@Body byte[] body) {
    InputTooLargeException.check(body, settings.maxDbtBytes());
    DbtArtifactsParser.DbtImport imported = dbtParser.parse(body);
    return store(imported.batch(), imported.received(), imported.ignored());
  }

  private Stored store(QualityBatch batch, int received, int ignored) {
    store.store(batch);
    List<String> products = registry.exposing(batch.datasets()).stream().map(ProductName::value).toList();
    products.forEach(p -> reevaluate.publishEvent(new ProductChanged(p)));
    return new Stored(received, batch.checks().size(), batch.metrics().size(), ignored, products);
  }

  /**
   * What a request stored.
   *
   * @param checks check results stored (a resent result is stored once)
   * @param metrics completeness and row-count observations derived from them
   * @param ignored dbt results that are not test outcomes (model runs, skipped tests)
   * @param products the data products exposing the datasets, evaluated again now
   */
  public record Stored(int received, int checks, int metrics, int ignored, List<String> products) {}
}
