package io.watershed.alerts.api;

/** A query, path or body parameter of the alerts API that breaks a rule; answered with 400 naming it. */
public class BadParameterException extends RuntimeException {

  private final String parameter;
  private final String rule;

  public BadParameterException(String parameter, String rule) {
    super(parameter + ": " + rule);
    this.parameter = parameter;
    this.rule = rule;
  }

  public String parameter() {
    return parameter;
  }

  public String rule() {
    return rule;
  }
}
