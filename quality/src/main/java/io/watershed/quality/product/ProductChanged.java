package io.watershed.quality.product;

/**
 * Published (Micronaut application event, inside the quality module) after a product's contract was stored or the
 * product deleted, so that it is evaluated again (or its gauges removed).
 */
public record ProductChanged(String product) {}
