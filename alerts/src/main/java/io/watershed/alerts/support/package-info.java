/**
 * Small helpers shared by the stores: Neo4j value and JSON conversions.
 */
package io.watershed.alerts.support;
