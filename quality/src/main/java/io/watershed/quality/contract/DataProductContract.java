package io.watershed.quality.contract;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A data product and the promise it makes to its consumers, read from either contract form. The parsers have checked
 * every rule in docs/contracts.md before building one, so holders can trust its values.
 *
 * @param name the product, unique across all contracts
 * @param domain the business domain it belongs to ({@code customer}, {@code order} ...); null when an ODCS contract
 *     does not say
 * @param owners who answers for it: email addresses or team names, as written
 * @param version the contract's own version as written ({@code 1.0}, {@code 1.1.0}), or null
 * @param outputPorts the datasets it exposes; objectives are measured on these. Never empty for the short form; an
 *     ODCS contract whose ports cannot be worked out is accepted with a warning and has none
 * @param schemas the schema expected of its output ports
 * @param freshness the most time allowed since an output port was last updated, or null for no freshness objective
 * @param availability the availability target and its window, or null for no target
 * @param severity how loudly to report a broken contract
 * @param alertRoutes where alerts go, in the order written
 * @param info facts kept for display that Watershed does not evaluate (support contact, ODCS frequency and retention,
 *     ODCS id and status ...), by key, sorted
 * @param warnings things in the document that were understood but not used (an ODCS quality rule Watershed cannot
 *     evaluate, a support channel that is not an alert route ...); never reasons to reject
 * @param source form, text and the place of the product name in it
 */
public record DataProductContract(
    ProductName name,
    @Nullable String domain,
    List<String> owners,
    @Nullable String description,
    @Nullable String version,
    List<DatasetRef> outputPorts,
    List<DatasetSchema> schemas,
    QualityObjectives quality,
    @Nullable Duration freshness,
    @Nullable AvailabilityTarget availability,
    Severity severity,
    List<AlertRoute> alertRoutes,
    Access access,
    Map<String, String> info,
    List<ContractProblem> warnings,
    ContractSource source) {

  public DataProductContract {
    Objects.requireNonNull(name, "name");
    owners = List.copyOf(owners);
    outputPorts = List.copyOf(outputPorts);
    schemas = List.copyOf(schemas);
    Objects.requireNonNull(quality, "quality");
    if (freshness != null && (freshness.isNegative() || freshness.isZero())) {
      throw new IllegalArgumentException("freshness objective must be positive: " + freshness);
    }
    Objects.requireNonNull(severity, "severity");
    alertRoutes = List.copyOf(alertRoutes);
    Objects.requireNonNull(access, "access");
    info = Collections.unmodifiableMap(new TreeMap<>(info));
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(source, "source");
  }

  public ContractFormat format() {
    return source.format();
  }

  public boolean exposes(DatasetRef dataset) {
    return outputPorts.contains(dataset);
  }

  /** The schemas that apply to one output port: those written for it and those written for every port. */
  public List<DatasetSchema> schemasFor(DatasetRef port) {
    return schemas.stream().filter(schema -> schema.appliesTo(port)).toList();
  }

  @Override
  public String toString() {
    return "DataProductContract[" + name + ", " + source.format() + ", ports=" + outputPorts + "]";
  }
}
