package io.watershed.quality.product;

/**
 * Published (Micronaut application event, inside the quality module) when something a product's evaluation depends
 * on changed outside lineage ingest: its contract was stored, it was deleted, or quality results about its datasets
 * arrived. The evaluation service listens and evaluates it again (or removes its gauges).
 */
public record ProductChanged(String product) {}
