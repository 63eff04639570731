package io.watershed.alerts.api;

/** No alert, silence or change by that id; answered with 404. */
public class ResourceNotFoundException extends RuntimeException {

  public ResourceNotFoundException(String kind, String id) {
    super(kind + " not found: " + id);
  }
}
