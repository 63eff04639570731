package io.watershed.ingest.event;

/**
 * An event that breaks an ingest rule. {@code field} is a path into the event ({@code run.runId},
 * {@code outputs[0].outputFacets.outputStatistics.rowCount}); {@code rule} says what the value must be. Neither ever
 * contains the offending value, so a secret sent by mistake is not echoed or logged.
 */
public class InvalidEventException extends RuntimeException {

  private final String field;
  private final String rule;
  private final Reason reason;

  public InvalidEventException(String field, String rule) {
    this(field, rule, field.isEmpty() ? Reason.MALFORMED_JSON : Reason.INVALID_FIELD);
  }

  public InvalidEventException(String field, String rule, Reason reason) {
    super(field.isEmpty() ? rule : field + ": " + rule);
    this.field = field;
    this.rule = rule;
    this.reason = reason;
  }

  /** A small fixed set of causes, used as a metric label. */
  public enum Reason {
    MALFORMED_JSON,
    INVALID_FIELD,
    INVALID_FACET,
    TOO_LARGE
  }

  public Reason reason() {
    return reason;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  /** The same problem, seen from an enclosing document (e.g. element 3 of a batch). */
  public InvalidEventException within(String prefix) {
    return new InvalidEventException(prefix + (field.isEmpty() ? "" : "." + field), rule, reason);
  }
}
