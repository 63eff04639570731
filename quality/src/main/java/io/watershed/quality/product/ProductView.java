package io.watershed.quality.product;

import io.micronaut.core.annotation.Nullable;
import io.watershed.api.ApiError;
import io.watershed.quality.contract.DataProductContract;
import io.watershed.quality.contract.DatasetRef;
import io.watershed.quality.contract.NamedCheck;
import io.watershed.quality.contract.RowCountObjective;
import io.watershed.quality.metrics.WindowLabels;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A data product as the API shows it: its current contract, where it came from, and its recorded state. */
public record ProductView(
    String name,
    @Nullable String domain,
    @Nullable String description,
    List<String> owners,
    String severity,
    String contractFormat,
    int contractVersion,
    @Nullable String declaredVersion,
    String source,
    Instant activeSince,
    Instant updatedAt,
    List<DatasetRef> outputPorts,
    Objectives objectives,
    @Nullable Availability availability,
    @Nullable String discovery,
    List<String> consumers,
    List<Map<String, Object>> alertRoutes,
    Map<String, String> info,
    List<ApiError.Problem> warnings,
    @Nullable String state,
    @Nullable Instant stateSince,
    List<String> stateReasons) {

  public static ProductView of(RegisteredProduct p, @Nullable DataProductRepository.RecordedState state) {
    DataProductContract c = p.contract();
    Objectives objectives = new Objectives(
        c.freshness() == null ? null : c.freshness().toSeconds(),
        c.quality().completeness().stream()
            .map(o -> new Completeness(o.dataset(), o.column(), o.minRatio())).toList(),
        c.quality().rowCounts(),
        c.quality().checks());
    Availability availability = c.availability() == null ? null
        : new Availability(c.availability().target(), WindowLabels.of(c.availability().window()),
            c.availability().window().toSeconds());
    List<ApiError.Problem> warnings = c.warnings().stream()
        .map(w -> new ApiError.Problem(w.field(), w.line() > 0 ? w.line() : null, w.rule())).toList();
    return new ProductView(p.name().value(), c.domain(), c.description(), c.owners(), c.severity().label(),
        c.format().name(), p.version(), c.version(), p.source().value(), p.activeSince(), p.updatedAt(),
        c.outputPorts(), objectives, availability, c.access().discovery(), c.access().consumers(),
        DataProductRepository.alertRoutes(c.alertRoutes()), c.info(), warnings,
        state == null ? null : state.state(), state == null ? null : state.stateSince(),
        state == null ? List.of() : state.reasons());
  }

  /** The contract's objectives. */
  public record Objectives(
      @Nullable Long freshnessSeconds,
      List<Completeness> completeness,
      List<RowCountObjective> rowCounts,
      List<NamedCheck> checks) {}

  /** A completeness objective; {@code dataset} null means every output port. */
  public record Completeness(@Nullable DatasetRef dataset, String column, double minRatio) {}

  /** The availability target over its window. */
  public record Availability(double target, String window, long windowSeconds) {}
}
