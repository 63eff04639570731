package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watershed's extensions to ODCS, written as top-level {@code customProperties} whose {@code property} starts with
 * {@code watershed.}: what ODCS has no field for (output ports as OpenLineage datasets, severity, consumers, alert
 * routes, the availability window). Unknown {@code watershed.*} properties are problems, for the same reason unknown
 * keys are in the short form.
 */
final class OdcsExtensions {

  static final String PREFIX = "watershed.";
  static final String OUTPUT_PORTS = "watershed.outputPorts";
  static final String SEVERITY = "watershed.severity";
  static final String CONSUMERS = "watershed.consumers";
  static final String ALERTS = "watershed.alerts";
  static final String AVAILABILITY_WINDOW = "watershed.availabilityWindow";
  static final Set<String> KNOWN = Set.of(OUTPUT_PORTS, SEVERITY, CONSUMERS, ALERTS, AVAILABILITY_WINDOW);

  /** Null when the extension is not written (or is written wrong, with a problem recorded). */
  List<DatasetRef> outputPorts;
  Severity severity;
  List<String> consumers;
  List<AlertRoute> alerts = List.of();
  Duration availabilityWindow;
  FieldPath availabilityWindowPath;

  static OdcsExtensions read(Problems problems, JsonNode root) {
    OdcsExtensions extensions = new OdcsExtensions();
    JsonNode properties = root.path("customProperties");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < properties.size(); i++) {
      JsonNode entry = properties.get(i);
      String property = entry.path("property").asText();
      if (!property.startsWith(PREFIX)) {
        continue;
      }
      FieldPath path = FieldPath.ROOT.key("customProperties").index(i);
      if (!KNOWN.contains(property)) {
        problems.add(path.key("property"), KeySuggestions.closest(property, KNOWN)
            .map(known -> "is not a known Watershed extension; did you mean '" + known + "'?")
            .orElse("is not a known Watershed extension; expected one of: "
                + String.join(", ", KNOWN.stream().sorted().toList())));
        continue;
      }
      if (!seen.add(property)) {
        problems.add(path.key("property"), "repeats '" + property + "'; write each extension once");
        continue;
      }
      extensions.read(problems, property, path.key("value"), entry.path("value"));
    }
    return extensions;
  }

  private void read(Problems problems, String property, FieldPath path, JsonNode value) {
    switch (property) {
      case OUTPUT_PORTS -> outputPorts = ports(problems, path, value);
      case SEVERITY -> {
        severity = value.isTextual() ? Severity.parse(value.textValue()).orElse(null) : null;
        if (severity == null) {
          problems.add(path, "must be one of: " + Severity.labels());
        }
      }
      case CONSUMERS -> consumers = value.isNull()
          ? List.of()
          : MappingReader.textList(problems, path, value);
      case ALERTS -> alerts = AlertsReader.read(problems, path, value);
      case AVAILABILITY_WINDOW -> {
        availabilityWindowPath = path;
        availabilityWindow = value.isTextual() ? ContractDurations.tryParse(value.textValue()).orElse(null) : null;
        if (availabilityWindow == null) {
          problems.add(path, ContractDurations.RULE);
        }
      }
      default -> throw new IllegalStateException("unhandled extension " + property);
    }
  }

  private static List<DatasetRef> ports(Problems problems, FieldPath path, JsonNode value) {
    if (!value.isArray() || value.isEmpty()) {
      problems.add(path, "must be a list of {namespace, name} datasets, with at least one");
      return null;
    }
    List<DatasetRef> ports = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      DatasetRef port = ShortFormParser.datasetRef(problems, path.index(i), value.get(i));
      if (port != null) {
        if (ports.contains(port)) {
          problems.add(path.index(i), "repeats the output port " + port);
        } else {
          ports.add(port);
        }
      }
    }
    return ports;
  }
}
