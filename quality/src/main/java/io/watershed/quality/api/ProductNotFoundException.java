package io.watershed.quality.api;

/** No (active) data product of that name (404). */
public class ProductNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProductNotFoundException(String name) {
    super("no data product named '" + name + "'");
  }
}
