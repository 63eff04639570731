package io.watershed.quality.contract;

/** The two document forms Watershed reads. */
public enum ContractFormat {
  /** Watershed's own {@code data-product.yml}: a top-level {@code spec}. */
  SHORT,
  /** Open Data Contract Standard v3: {@code apiVersion} and {@code kind: DataContract}. */
  ODCS
}
