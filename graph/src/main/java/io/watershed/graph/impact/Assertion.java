package io.watershed.graph.impact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One entry of an OpenLineage {@code dataQualityAssertions} facet: {@code {"assertion": "not_null", "success": false,
 * "column": "id"}}.
 *
 * @param column the column the assertion is about, null for dataset-level assertions
 */
public record Assertion(String assertion, boolean success, @Nullable String column) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The assertions of a facet's JSON; entries without a name or a boolean {@code success} are skipped. */
  public static List<Assertion> parseFacet(String facetJson) {
    List<Assertion> out = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(facetJson);
    } catch (IOException e) {
      return out; // stored as sent; a facet that is not JSON says nothing we can use
    }
    JsonNode list = root == null ? null : root.get("assertions");
    if (list == null || !list.isArray()) {
      return out;
    }
    for (JsonNode a : list) {
      JsonNode name = a.get("assertion");
      JsonNode success = a.get("success");
      if (name == null || !name.isTextual() || name.asText().isBlank() || success == null || !success.isBoolean()) {
        continue;
      }
      JsonNode column = a.get("column");
      String col = column == null || !column.isTextual() || column.asText().isBlank() ? null : column.asText();
      out.add(new Assertion(name.asText(), success.asBoolean(), col));
    }
    return out;
  }

  /** The same check: same assertion on the same column. */
  public boolean sameCheckAs(String otherAssertion, @Nullable String otherColumn) {
    return assertion.equals(otherAssertion) && Objects.equals(column, otherColumn);
  }
}
