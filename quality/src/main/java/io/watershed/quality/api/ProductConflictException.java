package io.watershed.quality.api;

/** A change the product's current owner does not allow, e.g. an API edit of a product defined by a file (409). */
public class ProductConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProductConflictException(String message) {
    super(message);
  }
}
