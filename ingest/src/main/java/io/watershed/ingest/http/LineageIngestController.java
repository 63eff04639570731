package io.watershed.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.watershed.api.ApiError;
import io.watershed.graph.write.LineageEvent;
import io.watershed.ingest.event.EventParser;
import io.watershed.ingest.event.InvalidEventException;
import io.watershed.ingest.pipeline.IngestMetrics;
import io.watershed.ingest.pipeline.IngestOverloadedException;
import io.watershed.ingest.pipeline.IngestPipeline;
import io.watershed.ingest.pipeline.IngestSettings;
import io.watershed.ingest.pipeline.StorageUnavailableException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenLineage HTTP API: {@code POST /api/v1/lineage} (one event, as the OpenLineage HTTP transport sends it)
 * and {@code POST /api/v1/lineage/batch} (an array, answered per event as the spec's OpenAPI describes). A 2xx is
 * sent only once the event is committed.
 */
@Controller("/api/v1/lineage")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LineageIngestController {

  private static final Logger LOG = LoggerFactory.getLogger(LineageIngestController.class);

  private final EventParser parser;
  private final IngestPipeline pipeline;
  private final IngestSettings settings;
  private final IngestMetrics metrics;
  private final ApiKeys apiKeys;

  LineageIngestController(
      EventParser parser, IngestPipeline pipeline, IngestSettings settings, IngestMetrics metrics, ApiKeys apiKeys) {
    this.parser = parser;
    this.pipeline = pipeline;
    this.settings = settings;
    this.metrics = metrics;
    this.apiKeys = apiKeys;
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> event(
      HttpRequest<?> request,
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @Body byte[] body) {
    apiKeys.check(authorization);
    JsonNode tree = tree(request, body);
    if (tree.isArray()) {
      throw rejected(
          request, null, new InvalidEventException("", "expected one event object; send arrays to /api/v1/lineage/batch"));
    }
    LineageEvent event = parse(request, tree, "");
    return pipeline
        .submit(List.of(event))
        .get(0)
        .orTimeout(settings.getCommitTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (ok, error) ->
                error == null
                    ? HttpResponse.created(new Accepted(event.eventId()))
                    : failure(unwrap(error)));
  }

  @Post(value = "/batch", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  public CompletableFuture<HttpResponse<?>> batch(
      HttpRequest<?> request,
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @Body byte[] body) {
    apiKeys.check(authorization);
    JsonNode tree = tree(request, body);
    if (!tree.isArray()) {
      throw rejected(request, null, new InvalidEventException("", "expected a JSON array of events"));
    }
    if (tree.size() > settings.getMaxBatchEvents()) {
      throw rejected(
          request,
          null,
          new InvalidEventException(
              "", "a batch holds at most " + settings.getMaxBatchEvents() + " events", InvalidEventException.Reason.TOO_LARGE));
    }
    List<FailedEvent> failed = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    List<LineageEvent> events = new ArrayList<>();
    for (int i = 0; i < tree.size(); i++) {
      try {
        events.add(parse(request, tree.get(i), "[" + i + "]"));
        indexes.add(i);
      } catch (InvalidEventException e) {
        failed.add(new FailedEvent(i, e.getMessage(), e.field(), e.rule(), false));
      }
    }
    List<CompletableFuture<Void>> done = pipeline.submit(events);
    CompletableFuture<?>[] all =
        done.stream()
            .map(f -> f.orTimeout(settings.getCommitTimeout().toMillis(), TimeUnit.MILLISECONDS).exceptionally(t -> null))
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(all)
        .thenApply(
            ignored -> {
              for (int k = 0; k < done.size(); k++) {
                Throwable error = done.get(k).handle((ok, t) -> t).join();
                if (error != null) {
                  Throwable cause = unwrap(error);
                  boolean retriable = retriable(cause);
                  failed.add(new FailedEvent(indexes.get(k), reason(cause), null, null, retriable));
                }
              }
              failed.sort((a, b) -> Integer.compare(a.index(), b.index()));
              return batchResponse(tree.size(), failed);
            });
  }

  private static HttpResponse<?> batchResponse(int received, List<FailedEvent> failed) {
    long retriable = failed.stream().filter(FailedEvent::retriable).count();
    int successful = received - failed.size();
    String status = failed.isEmpty() ? "success" : successful > 0 ? "partial_success" : "failure";
    BatchResult result =
        new BatchResult(
            status,
            new Summary(received, successful, failed.size(), retriable, failed.size() - retriable),
            failed);
    if (successful == 0 && received > 0) {
      if (retriable == failed.size()) {
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(result);
      }
      return HttpResponse.badRequest(result);
    }
    return HttpResponse.ok(result);
  }

  private JsonNode tree(HttpRequest<?> request, byte[] body) {
    try {
      return parser.readTree(RequestBodies.decoded(body, settings.getMaxDecompressedBytes()));
    } catch (InvalidEventException e) {
      throw rejected(request, null, e);
    }
  }

  private LineageEvent parse(HttpRequest<?> request, JsonNode tree, String prefix) {
    try {
      return parser.parse(tree, ZonedDateTime.now(ZoneOffset.UTC));
    } catch (InvalidEventException e) {
      throw rejected(request, tree, prefix.isEmpty() ? e : e.within(prefix));
    }
  }

  private InvalidEventException rejected(HttpRequest<?> request, @Nullable JsonNode tree, InvalidEventException e) {
    String producer = tree != null && tree.path("producer").isTextual() ? tree.get("producer").asText() : null;
    metrics.rejected(e.reason().name().toLowerCase(Locale.ROOT), producer);
    // Field and rule only: never the payload, which may hold secrets (SQL, environment facets...).
    LOG.info("Rejected OpenLineage event from {}: {}", request.getRemoteAddress().getAddress(), e.getMessage());
    return e;
  }

  private static HttpResponse<?> failure(Throwable cause) {
    if (cause instanceof IngestOverloadedException) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "1")
          .body(ApiError.message("overloaded", cause.getMessage()));
    }
    if (cause instanceof StorageUnavailableException || cause instanceof TimeoutException) {
      return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "5")
          .body(ApiError.message("storage_unavailable", "the event was not stored; retry later"));
    }
    return HttpResponse.badRequest(
        ApiError.message("refused_by_storage", "the graph database refused this event; it was not stored"));
  }

  private static boolean retriable(Throwable cause) {
    return cause instanceof IngestOverloadedException
        || cause instanceof StorageUnavailableException
        || cause instanceof TimeoutException;
  }

  private static String reason(Throwable cause) {
    if (cause instanceof IngestOverloadedException) {
      return "Server overloaded";
    }
    if (cause instanceof TimeoutException) {
      return "Timeout";
    }
    if (cause instanceof StorageUnavailableException) {
      return "Server error: storage unavailable";
    }
    return "Refused by storage";
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** Body of a 201: the id under which the event is stored (the same for a resend). */
  public record Accepted(String eventId) {}

  /** Body of the batch endpoint, as in the OpenLineage OpenAPI. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record BatchResult(
      String status, Summary summary, @JsonProperty("failed_events") List<FailedEvent> failedEvents) {}

  public record Summary(
      int received,
      int successful,
      int failed,
      long retriable,
      @JsonProperty("non_retriable") long nonRetriable) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FailedEvent(
      int index, String reason, @Nullable String field, @Nullable String rule, boolean retriable) {}
}
