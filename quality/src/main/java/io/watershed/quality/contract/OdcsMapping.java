package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps one schema-valid ODCS document onto a {@link DataProductContract}; the mapping is described field by field in
 * docs/contracts.md. One instance per document.
 */
final class OdcsMapping {

  private static final List<String> NAME_FIELDS = List.of("name", "dataProduct", "id");

  private final SourceDocument document;
  private final JsonNode root;
  private final LocalDate today;
  private final Problems problems;
  private final Problems warnings;
  private final Map<String, String> info = new HashMap<>();
  private final List<SchemaObject> objects = new ArrayList<>();
  private final Map<Integer, List<DatasetRef>> portsByObject = new HashMap<>();
  private final List<DatasetRef> ports = new ArrayList<>();

  /** One entry of {@code schema[]}: a table, view or topic. {@code table} is its physicalName, else its name. */
  private record SchemaObject(int index, String name, String table, JsonNode node) {
    FieldPath path() {
      return FieldPath.ROOT.key("schema").index(index);
    }
  }

  private record ChosenName(ProductName name, FieldPath field) {}

  OdcsMapping(SourceDocument document, LocalDate today) {
    this.document = document;
    this.root = document.root();
    this.today = today;
    this.problems = new Problems(document);
    this.warnings = new Problems(document);
  }

  DataProductContract map() {
    OdcsExtensions extensions = OdcsExtensions.read(problems, root);
    ChosenName name = productName();
    List<String> owners = OdcsTeam.owners(root.path("team"), today);
    if (owners.isEmpty()) {
      warnings.add(FieldPath.ROOT.key("team"), "names no owner; alerts reach only the routes in 'support' and "
          + "'" + OdcsExtensions.ALERTS + "'");
    }
    readSchemaObjects();
    if (extensions.outputPorts != null) {
      usePorts(extensions.outputPorts);
    } else {
      derivePorts();
    }
    if (ports.isEmpty()) {
      warnings.add(FieldPath.ROOT.key("servers"), "gives no output port: add servers[] matching schema[] "
          + "physicalNames, or customProperties '" + OdcsExtensions.OUTPUT_PORTS + "'; until then Watershed cannot "
          + "measure this product");
    }

    OdcsQualityRules rules = new OdcsQualityRules(problems, warnings);
    List<DatasetSchema> schemas = schemasAndRules(rules);
    OdcsServiceLevels levels = new OdcsServiceLevels(problems, warnings, info);
    levels.read(root.path("slaProperties"));
    Duration freshness = levels.freshness();
    AvailabilityTarget availability = availability(levels.availability(), extensions);

    List<AlertRoute> routes = new ArrayList<>(OdcsSupport.routes(root.path("support"), problems, warnings, info));
    extensions.alerts.stream().filter(route -> !routes.contains(route)).forEach(routes::add);

    keepInfo();
    problems.throwIfAny();
    ContractSource source = new ContractSource(ContractFormat.ODCS, document.text(), name.field().toString(),
        document.lineOf(name.field()));
    Severity severity = extensions.severity == null ? Severity.DEFAULT : extensions.severity;
    Access access = new Access(null, extensions.consumers == null ? List.of() : extensions.consumers);
    return new DataProductContract(name.name(), text(root, "domain"), owners, description(), text(root, "version"),
        ports, schemas, rules.objectives(), freshness, availability, severity, routes, access, info,
        warnings.list(), source);
  }

  /** {@code name}, else the deprecated {@code dataProduct}, else {@code id}, normalized to the product-name rule. */
  private ChosenName productName() {
    for (String field : NAME_FIELDS) {
      String raw = text(root, field);
      if (raw == null) {
        continue;
      }
      FieldPath path = FieldPath.ROOT.key(field);
      Optional<ProductName> name = ProductName.normalize(raw);
      if (name.isEmpty()) {
        problems.add(path, "cannot be made into a product name, which " + ProductName.RULE);
        return new ChosenName(null, path);
      }
      return new ChosenName(name.get(), path);
    }
    // 'id' is required by the schema, so this is only reached with a blank id.
    problems.add(FieldPath.ROOT.key("id"), "must not be empty: the product is named after name, dataProduct or id");
    return new ChosenName(null, FieldPath.ROOT.key("id"));
  }

  private void readSchemaObjects() {
    JsonNode schema = root.path("schema");
    for (int i = 0; i < schema.size(); i++) {
      JsonNode node = schema.get(i);
      String name = node.path("name").asText();
      String table = Optional.ofNullable(text(node, "physicalName")).orElse(name);
      objects.add(new SchemaObject(i, name, table, node));
    }
  }

  /** Ports written in the extension; each is matched to the schema object whose table its name ends with. */
  private void usePorts(List<DatasetRef> extensionPorts) {
    ports.addAll(extensionPorts);
    for (SchemaObject object : objects) {
      List<DatasetRef> matching = extensionPorts.stream()
          .filter(port -> namesTable(port, object.table()) || namesTable(port, object.name()))
          .toList();
      portsByObject.put(object.index(), matching);
    }
  }

  private static boolean namesTable(DatasetRef port, String table) {
    String name = port.name().toLowerCase(Locale.ROOT);
    String wanted = table.toLowerCase(Locale.ROOT);
    return name.equals(wanted) || name.endsWith("." + wanted) || name.endsWith("/" + wanted);
  }

  /** Ports worked out from servers x schema objects, following the OpenLineage naming conventions. */
  private void derivePorts() {
    JsonNode servers = root.path("servers");
    Set<DatasetRef> derived = new LinkedHashSet<>();
    for (int serverIndex : OdcsServers.productionServers(servers)) {
      JsonNode server = servers.get(serverIndex);
      boolean understood = true;
      for (SchemaObject object : objects) {
        Optional<DatasetRef> port = OdcsServers.dataset(server, object.table());
        if (port.isEmpty()) {
          understood = false;
          break;
        }
        derived.add(port.get());
        portsByObject.computeIfAbsent(object.index(), index -> new ArrayList<>()).add(port.get());
      }
      if (!understood) {
        String type = server.path("type").asText("").toLowerCase(Locale.ROOT);
        String why = OdcsServers.SUPPORTED_TYPES.contains(type)
            ? "does not give every field its OpenLineage dataset names need"
            : "is of a type Watershed has no OpenLineage naming rule for";
        warnings.add(FieldPath.ROOT.key("servers").index(serverIndex), OdcsServers.describe(serverIndex, server)
            + " " + why + "; list its datasets in customProperties '" + OdcsExtensions.OUTPUT_PORTS + "'");
      }
    }
    ports.addAll(derived);
  }

  /**
   * The output ports the schema and rules of one object apply to. With a single object, or no ports at all, they
   * apply to every port (null); otherwise to the ports that object was matched to.
   */
  private List<DatasetRef> scopes(SchemaObject object) {
    if (objects.size() == 1 || ports.isEmpty()) {
      return Collections.singletonList(null);
    }
    List<DatasetRef> matched = portsByObject.getOrDefault(object.index(), List.of());
    if (matched.isEmpty()) {
      warnings.add(object.path(), "'" + object.name() + "' matches no output port, so its schema and quality rules "
          + "are not measured");
    }
    return matched;
  }

  private List<DatasetSchema> schemasAndRules(OdcsQualityRules rules) {
    List<DatasetSchema> schemas = new ArrayList<>();
    for (SchemaObject object : objects) {
      List<DatasetRef> scopes = scopes(object);
      Map<String, ColumnSpec> columns = new LinkedHashMap<>();
      JsonNode properties = object.node().path("properties");
      readColumns(object.path().key("properties"), properties, "", columns, scopes, rules);
      JsonNode objectRules = object.node().path("quality");
      if (!objectRules.isMissingNode()) {
        rules.map(object.path().key("quality"), objectRules, scopes, null);
      }
      String type = Optional.ofNullable(text(object.node(), "physicalType"))
          .orElse(text(object.node(), "logicalType"));
      if (!columns.isEmpty()) {
        for (DatasetRef scope : scopes) {
          schemas.add(new DatasetSchema(scope, type, List.copyOf(columns.values())));
        }
      }
    }
    return schemas;
  }

  /** Columns of an object; properties of nested objects become {@code parent.child} columns. */
  private void readColumns(FieldPath path, JsonNode properties, String prefix, Map<String, ColumnSpec> columns,
      List<DatasetRef> scopes, OdcsQualityRules rules) {
    for (int i = 0; i < properties.size(); i++) {
      JsonNode property = properties.get(i);
      FieldPath at = path.index(i);
      String column = prefix + Optional.ofNullable(text(property, "physicalName"))
          .orElse(property.path("name").asText());
      if (columns.containsKey(column)) {
        problems.add(at.key("name"), "repeats the column '" + column + "' of this schema object");
        continue;
      }
      String type = Optional.ofNullable(text(property, "physicalType")).orElse(text(property, "logicalType"));
      columns.put(column, new ColumnSpec(column, type, property.path("primaryKey").asBoolean(false),
          property.path("required").asBoolean(false), text(property, "description")));
      if (property.has("quality")) {
        rules.map(at.key("quality"), property.get("quality"), scopes, column);
      }
      if (property.path("logicalType").asText("").equals("object") && property.has("properties")) {
        readColumns(at.key("properties"), property.get("properties"), column + ".", columns, scopes, rules);
      }
    }
  }

  private AvailabilityTarget availability(Double target, OdcsExtensions extensions) {
    if (target == null) {
      if (extensions.availabilityWindow != null) {
        problems.add(extensions.availabilityWindowPath,
            "needs an 'availability' entry in slaProperties: a window is the period of a target");
      }
      return null;
    }
    Duration window = extensions.availabilityWindow == null
        ? AvailabilityTarget.DEFAULT_WINDOW
        : extensions.availabilityWindow;
    return new AvailabilityTarget(target, window);
  }

  /** ODCS describes with purpose, usage and limitations; the purpose (else the usage) is the description. */
  private String description() {
    JsonNode description = root.path("description");
    return Optional.ofNullable(text(description, "purpose"))
        .or(() -> Optional.ofNullable(text(description, "usage")))
        .orElse(text(description, "limitations"));
  }

  private void keepInfo() {
    for (String field : List.of("id", "name", "dataProduct", "status", "apiVersion", "tenant")) {
      String value = text(root, field);
      if (value != null) {
        info.put("odcs." + field, value);
      }
    }
    JsonNode description = root.path("description");
    for (String field : List.of("usage", "limitations")) {
      String value = text(description, field);
      if (value != null) {
        info.put("description." + field, value);
      }
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }
}
