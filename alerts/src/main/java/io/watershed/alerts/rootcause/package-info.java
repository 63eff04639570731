/**
 * The identity of a problem ({@link io.watershed.alerts.rootcause.RootCauseKey}: kind and node) and its
 * fingerprint, which groups alerts and notifications. The root-cause walk itself is
 * {@link io.watershed.graph.impact.RootCauseAnalysis} in the graph module.
 */
package io.watershed.alerts.rootcause;
