package io.watershed.graph.impact;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * Why a data product is in trouble: the failing, stale or changed nodes upstream of it. {@code causes} are the
 * problems nearest the source (no other problem lies upstream of them); {@code alsoFailing} are problems between a
 * cause and the product, usually its consequences.
 *
 * @param datasets the product's output ports the walk started from
 * @param truncated true when the depth or node limit stopped the walk while there was more to see
 */
public record RootCauseReport(
    String product,
    @Nullable String domain,
    @Nullable String state,
    @Nullable String stateSince,
    List<String> stateReasons,
    List<String> datasets,
    List<Cause> causes,
    List<Cause> alsoFailing,
    int depth,
    int nodeLimit,
    boolean truncated,
    @Nullable String truncatedBy) {

  /**
   * One problem on one node.
   *
   * @param node the failing node, e.g. {@code job:airflow:etl.orders_daily}
   * @param evidence facts to check the claim by ({@code runId}, {@code check}, {@code change} ...)
   * @param since when the problem started, ISO-8601, when known
   * @param distance relationships between the node and the nearest of the product's datasets
   * @param path node ids from this node down to the product's dataset, this node first
   */
  public record Cause(
      CauseKind kind,
      String node,
      String description,
      Map<String, String> evidence,
      @Nullable String since,
      int distance,
      List<String> path) {}
}
