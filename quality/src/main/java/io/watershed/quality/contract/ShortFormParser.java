package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Watershed's short form ({@code data-product.yml}, a top-level {@code spec}) into a contract. Every key is
 * known: an unknown one is a problem, because a misspelt objective that is silently ignored is a broken promise
 * nobody notices. The keys and their rules are listed in docs/contracts.md.
 */
final class ShortFormParser {

  static final Set<String> ROOT_KEYS = Set.of("spec");
  static final Set<String> SPEC_KEYS =
      Set.of("version", "metadata", "output_ports", "schema", "quality", "access", "sla", "alerts");
  static final Set<String> METADATA_KEYS = Set.of("name", "domain", "owner", "description", "severity");
  static final Set<String> PORT_KEYS = Set.of("namespace", "name");
  static final Set<String> SCHEMA_KEYS = Set.of("type", "columns");
  static final Set<String> COLUMN_KEYS = Set.of("name", "type", "primary_key", "required", "description");
  static final Set<String> QUALITY_KEYS = Set.of("completeness", "freshness", "row_count", "checks");
  static final Set<String> ROW_COUNT_KEYS = Set.of("min", "max");
  static final Set<String> CHECK_KEYS = Set.of("name", "dataset", "column", "description");
  static final Set<String> ACCESS_KEYS = Set.of("discovery", "read");
  static final Set<String> SLA_KEYS = Set.of("availability", "window", "support");
  static final Set<String> DISCOVERY = Set.of("public", "internal", "private");

  static final String RATIO_RULE = "must be a number between 0 and 1 (the smallest share of non-null values)";
  static final String ROW_COUNT_RULE = "must be a whole number of rows, 0 or more";

  private final SourceDocument document;
  private final Problems problems;
  private final List<DatasetRef> ports = new ArrayList<>();
  private final Map<String, String> info = new HashMap<>();
  // Null when the contract declares no schema: then any column name is accepted in quality objectives.
  private Set<String> declaredColumns;

  private ShortFormParser(SourceDocument document) {
    this.document = document;
    this.problems = new Problems(document);
  }

  static DataProductContract parse(SourceDocument document) {
    return new ShortFormParser(document).read();
  }

  private DataProductContract read() {
    MappingReader root = MappingReader.of(problems, FieldPath.ROOT, document.root(), ROOT_KEYS);
    MappingReader spec = root.mapping("spec", true, SPEC_KEYS);
    if (spec == null) {
      // Missing or not a mapping: the problem is recorded and there is nothing more to read.
      throw new ContractValidationException(problems.list());
    }
    String version = spec.scalarText("version", false);

    MappingReader metadata = spec.mapping("metadata", true, METADATA_KEYS);
    ProductName name = null;
    String domain = null;
    List<String> owners = List.of();
    String description = null;
    Severity severity = Severity.DEFAULT;
    if (metadata != null) {
      name = productName(metadata);
      domain = metadata.text("domain", true);
      List<String> ownerList = metadata.textList("owner", true);
      owners = ownerList == null ? List.of() : ownerList;
      description = metadata.text("description", false);
      severity = severity(metadata);
    }

    readPorts(spec);
    List<DatasetSchema> schemas = readSchema(spec);
    QualityPart quality = readQuality(spec);
    Access access = readAccess(spec);
    AvailabilityTarget availability = readSla(spec);
    List<AlertRoute> alertRoutes =
        spec.has("alerts") ? AlertsReader.read(problems, spec.path("alerts"), spec.get("alerts")) : List.of();

    problems.throwIfAny();
    FieldPath namePath = FieldPath.ROOT.key("spec").key("metadata").key("name");
    ContractSource source =
        new ContractSource(ContractFormat.SHORT, document.text(), namePath.toString(), document.lineOf(namePath));
    return new DataProductContract(name, domain, owners, description, version, ports, schemas, quality.objectives(),
        quality.freshness(), availability, severity, alertRoutes, access, info, List.of(), source);
  }

  private ProductName productName(MappingReader metadata) {
    String text = metadata.text("name", true);
    if (text == null) {
      return null;
    }
    if (!ProductName.isValid(text)) {
      problems.add(metadata.path("name"), ProductName.RULE);
      return null;
    }
    return ProductName.of(text);
  }

  private Severity severity(MappingReader metadata) {
    String text = metadata.text("severity", false);
    if (text == null) {
      return Severity.DEFAULT;
    }
    return Severity.parse(text).orElseGet(() -> {
      problems.add(metadata.path("severity"), "must be one of: " + Severity.labels());
      return Severity.DEFAULT;
    });
  }

  private void readPorts(MappingReader spec) {
    List<JsonNode> items = spec.sequence("output_ports", true);
    if (items == null) {
      return;
    }
    if (items.isEmpty()) {
      problems.add(spec.path("output_ports"), "must list at least one dataset the product exposes");
    }
    for (int i = 0; i < items.size(); i++) {
      FieldPath path = spec.path("output_ports").index(i);
      DatasetRef port = datasetRef(problems, path, items.get(i));
      if (port != null) {
        if (ports.contains(port)) {
          problems.add(path, "repeats the output port " + port);
        } else {
          ports.add(port);
        }
      }
    }
  }

  /** A {@code {namespace, name}} mapping; shared with the ODCS extension {@code watershed.outputPorts}. */
  static DatasetRef datasetRef(Problems problems, FieldPath path, JsonNode value) {
    MappingReader reader = MappingReader.of(problems, path, value, PORT_KEYS);
    if (reader == null) {
      return null;
    }
    String namespace = datasetPart(problems, reader, "namespace");
    String name = datasetPart(problems, reader, "name");
    return namespace == null || name == null ? null : new DatasetRef(namespace, name);
  }

  private static String datasetPart(Problems problems, MappingReader reader, String key) {
    if (!reader.require(key)) {
      return null;
    }
    JsonNode value = reader.get(key);
    if (!value.isTextual()) {
      problems.add(reader.path(key), "must be a text, not " + MappingReader.describe(value));
      return null;
    }
    String problem = DatasetRef.problemWith(value.textValue());
    if (problem != null) {
      problems.add(reader.path(key), problem);
      return null;
    }
    return value.textValue();
  }

  private List<DatasetSchema> readSchema(MappingReader spec) {
    MappingReader schema = spec.mapping("schema", false, SCHEMA_KEYS);
    if (schema == null) {
      return List.of();
    }
    String type = schema.text("type", false);
    List<JsonNode> items = schema.sequence("columns", true);
    if (items == null) {
      return List.of();
    }
    if (items.isEmpty()) {
      problems.add(schema.path("columns"), "must list at least one column");
    }
    declaredColumns = new LinkedHashSet<>();
    List<ColumnSpec> columns = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      FieldPath path = schema.path("columns").index(i);
      MappingReader column = MappingReader.of(problems, path, items.get(i), COLUMN_KEYS);
      if (column == null) {
        continue;
      }
      String name = column.text("name", true);
      String columnType = column.scalarText("type", false);
      boolean primaryKey = column.bool("primary_key", false);
      boolean required = column.bool("required", false);
      String description = column.text("description", false);
      if (name == null) {
        continue;
      }
      if (!declaredColumns.add(name)) {
        problems.add(column.path("name"), "repeats the column '" + name + "'");
        continue;
      }
      columns.add(new ColumnSpec(name, columnType, primaryKey, required, description));
    }
    return List.of(new DatasetSchema(null, type, columns));
  }

  private record QualityPart(QualityObjectives objectives, Duration freshness) {}

  private QualityPart readQuality(MappingReader spec) {
    MappingReader quality = spec.mapping("quality", false, QUALITY_KEYS);
    if (quality == null) {
      return new QualityPart(QualityObjectives.NONE, null);
    }
    List<CompletenessObjective> completeness = readCompleteness(quality);
    Duration freshness = null;
    if (quality.has("freshness")) {
      freshness = duration(quality, "freshness");
    }
    List<RowCountObjective> rowCounts = readRowCount(quality);
    List<NamedCheck> checks = readChecks(quality);
    return new QualityPart(new QualityObjectives(completeness, rowCounts, checks), freshness);
  }

  private List<CompletenessObjective> readCompleteness(MappingReader quality) {
    if (!quality.has("completeness")) {
      return List.of();
    }
    // Column names are the keys, so any key is accepted here; the values and the names are checked instead.
    MappingReader completeness =
        MappingReader.open(problems, quality.path("completeness"), quality.get("completeness"));
    if (completeness == null) {
      return List.of();
    }
    List<CompletenessObjective> objectives = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : completeness.entries()) {
      FieldPath column = completeness.path(entry.getKey());
      JsonNode value = entry.getValue();
      if (!value.isNumber() || !(value.doubleValue() >= 0 && value.doubleValue() <= 1)) {
        problems.add(column, RATIO_RULE);
      } else if (declaredColumns != null && !declaredColumns.contains(entry.getKey())) {
        problems.add(column, "is not a column of spec.schema.columns");
      } else {
        objectives.add(new CompletenessObjective(null, entry.getKey(), value.doubleValue()));
      }
    }
    return objectives;
  }

  private List<RowCountObjective> readRowCount(MappingReader quality) {
    MappingReader rowCount = quality.mapping("row_count", false, ROW_COUNT_KEYS);
    if (rowCount == null) {
      return List.of();
    }
    Long min = nonNegative(rowCount, "min");
    Long max = nonNegative(rowCount, "max");
    if (!rowCount.has("min") && !rowCount.has("max")) {
      problems.add(rowCount.path(), "must have a min, a max or both");
      return List.of();
    }
    if (min != null && max != null && min > max) {
      problems.add(rowCount.path("min"), "must not be greater than max (" + max + ")");
      return List.of();
    }
    return min == null && max == null ? List.of() : List.of(new RowCountObjective(null, min, max));
  }

  private Long nonNegative(MappingReader reader, String key) {
    Long value = reader.wholeNumber(key, ROW_COUNT_RULE);
    if (value != null && value < 0) {
      problems.add(reader.path(key), ROW_COUNT_RULE);
      return null;
    }
    return value;
  }

  private List<NamedCheck> readChecks(MappingReader quality) {
    List<JsonNode> items = quality.sequence("checks", false);
    if (items == null) {
      return List.of();
    }
    List<NamedCheck> checks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      FieldPath path = quality.path("checks").index(i);
      NamedCheck check = items.get(i).isTextual()
          ? namedCheck(MappingReader.text(problems, path, items.get(i)), null, null, null)
          : checkMapping(path, items.get(i));
      if (check == null) {
        continue;
      }
      if (checks.contains(check)) {
        problems.add(path, "repeats the check '" + check.name() + "'");
      } else {
        checks.add(check);
      }
    }
    return checks;
  }

  private NamedCheck checkMapping(FieldPath path, JsonNode value) {
    MappingReader check = MappingReader.of(problems, path, value, CHECK_KEYS);
    if (check == null) {
      return null;
    }
    String name = check.text("name", true);
    DatasetRef dataset = null;
    if (check.has("dataset")) {
      dataset = datasetRef(problems, check.path("dataset"), check.get("dataset"));
      if (dataset != null && !ports.isEmpty() && !ports.contains(dataset)) {
        problems.add(check.path("dataset"), "must be one of spec.output_ports; " + dataset + " is not");
        dataset = null;
      }
    }
    String column = check.text("column", false);
    if (column != null && declaredColumns != null && !declaredColumns.contains(column)) {
      problems.add(check.path("column"), "is not a column of spec.schema.columns");
    }
    return namedCheck(name, dataset, column, check.text("description", false));
  }

  private static NamedCheck namedCheck(String name, DatasetRef dataset, String column, String description) {
    return name == null ? null : new NamedCheck(name, dataset, column, description);
  }

  private Access readAccess(MappingReader spec) {
    MappingReader access = spec.mapping("access", false, ACCESS_KEYS);
    if (access == null) {
      return Access.NONE;
    }
    String discovery = access.text("discovery", false);
    if (discovery != null && !DISCOVERY.contains(discovery)) {
      problems.add(access.path("discovery"), "must be one of: internal, private, public");
      discovery = null;
    }
    List<String> readers = access.textList("read", false);
    return new Access(discovery, readers == null ? List.of() : readers);
  }

  private AvailabilityTarget readSla(MappingReader spec) {
    MappingReader sla = spec.mapping("sla", false, SLA_KEYS);
    if (sla == null) {
      return null;
    }
    List<String> support = sla.textList("support", false);
    if (support != null) {
      info.put("sla.support", String.join(", ", support));
    }
    Duration window = sla.has("window") ? duration(sla, "window") : AvailabilityTarget.DEFAULT_WINDOW;
    if (!sla.has("availability")) {
      if (sla.has("window")) {
        problems.add(sla.path("window"), "needs spec.sla.availability: a window is the period of a target");
      }
      return null;
    }
    Double target = Ratios.availability(sla.get("availability"), false).orElse(null);
    if (target == null) {
      problems.add(sla.path("availability"), Ratios.AVAILABILITY_RULE);
      return null;
    }
    return window == null ? null : new AvailabilityTarget(target, window);
  }

  private Duration duration(MappingReader reader, String key) {
    JsonNode value = reader.get(key);
    Duration duration = value.isTextual() ? ContractDurations.tryParse(value.textValue()).orElse(null) : null;
    if (duration == null) {
      problems.add(reader.path(key), ContractDurations.RULE);
    }
    return duration;
  }
}
