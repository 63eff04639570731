package io.watershed.quality.contract;

import java.util.Objects;

/**
 * Where a contract came from: its form, the document text exactly as read, and where in it the product name is
 * written (so that a later problem about the name, such as a duplicate in another file, can point at it).
 *
 * @param nameField the field the product name was taken from, e.g. {@code spec.metadata.name} or {@code name}
 * @param nameLine the 1-based line of that field
 */
public record ContractSource(ContractFormat format, String text, String nameField, int nameLine) {

  public ContractSource {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(nameField, "nameField");
  }

  @Override
  public String toString() {
    // The text can be a megabyte; keep log lines short.
    return "ContractSource[format=" + format + ", " + text.length() + " chars, name at " + nameField + " line "
        + nameLine + "]";
  }
}
