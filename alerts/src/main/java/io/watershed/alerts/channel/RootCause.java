package io.watershed.alerts.channel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why an alert fired: the one upstream failure its notifications are grouped by.
 *
 * @param kind what kind of failure it is
 * @param nodeId the graph node that failed, e.g. {@code job:airflow:dag.task} or
 *     {@code dataset:bigquery:proj.ds.table}
 * @param description one or two sentences for people, e.g. "Run ended FAIL: OOM in stage 3"
 * @param evidence facts that let an on-call engineer check the claim, in display order, e.g. {@code runId},
 *     {@code check}; at most 20 entries
 * @param upstreamPath node ids from the root cause down to the affected product's dataset, root cause first; empty
 *     when the root cause is the product's own dataset
 */
public record RootCause(
    RootCauseKind kind,
    String nodeId,
    String description,
    Map<String, String> evidence,
    List<String> upstreamPath) {

  public RootCause {
    Objects.requireNonNull(kind, "kind is required");
    Checks.requireText(nodeId, "nodeId", 1000);
    Checks.requireText(description, "description", 4000);
    evidence = Checks.orderedCopy(evidence, "evidence", 20);
    upstreamPath = Checks.listCopy(upstreamPath);
    upstreamPath.forEach(node -> Checks.requireText(node, "upstreamPath node", 1000));
  }
}
