package io.watershed.quality.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads an ODCS v3 contract: first the JSON Schema (structure, types, allowed fields), then the mapping onto
 * Watershed's model ({@link OdcsMapping}), which adds the rules the schema cannot express.
 */
final class OdcsParser {

  private final OdcsSchemaValidator validator = new OdcsSchemaValidator();
  private final Clock clock;

  OdcsParser(Clock clock) {
    this.clock = clock;
  }

  DataProductContract parse(SourceDocument document) {
    List<ContractProblem> schemaProblems = validator.validate(document);
    if (!schemaProblems.isEmpty()) {
      // The mapping relies on the structure the schema guarantees, so it only runs on schema-valid documents.
      throw new ContractValidationException(schemaProblems);
    }
    return new OdcsMapping(document, LocalDate.now(clock)).map();
  }
}
