/**
 * The alerts module's schema migrations (constraints and indexes of its labels).
 */
package io.watershed.alerts.schema;
