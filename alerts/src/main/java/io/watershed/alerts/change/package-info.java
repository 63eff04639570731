/**
 * Change detection: what committed OpenLineage events and product state changes show (failed runs, schema changes
 * between versions, lifecycle changes, failed assertions, products out of SLO), recorded once each as {@code Change}
 * nodes, and resolved from the graph's state. Public: {@link io.watershed.alerts.change.Change} and its kinds, the
 * detector, the store and the reconciler.
 */
package io.watershed.alerts.change;
