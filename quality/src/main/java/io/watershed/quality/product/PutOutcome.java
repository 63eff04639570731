package io.watershed.quality.product;

/**
 * What storing a contract did.
 *
 * @param created the product did not exist (or had been deleted)
 * @param changed a new contract version was stored; false when the same document from the same source was sent again
 */
public record PutOutcome(RegisteredProduct product, boolean created, boolean changed) {}
