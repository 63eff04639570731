package io.watershed.quality.product;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Who defines a product: the HTTP API ({@code api}) or a file of the contract directory ({@code file:/abs/path}).
 * A product defined by a file belongs to that file while the directory is configured: the API may read it but not
 * change or delete it (GitOps: the repository is the truth).
 */
public record ProductSource(String value) {

  public static final ProductSource API = new ProductSource("api");
  private static final String FILE = "file:";

  public ProductSource {
    Objects.requireNonNull(value, "value");
    if (!value.equals("api") && !value.startsWith(FILE)) {
      throw new IllegalArgumentException("a product source is 'api' or 'file:<path>': " + value);
    }
  }

  public static ProductSource file(Path file) {
    return new ProductSource(FILE + file.toAbsolutePath().normalize());
  }

  public boolean isFile() {
    return value.startsWith(FILE);
  }

  @Override
  public String toString() {
    return value;
  }
}
