package io.watershed.quality.api;

/** No (active) data product of that name, or no such contract version (404). */
public class ProductNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProductNotFoundException(String name) {
    super("no data product named '" + name + "'");
  }

  private ProductNotFoundException(String name, int version) {
    super("data product '" + name + "' has no contract version " + version);
  }

  public static ProductNotFoundException version(String name, int version) {
    return new ProductNotFoundException(name, version);
  }
}
