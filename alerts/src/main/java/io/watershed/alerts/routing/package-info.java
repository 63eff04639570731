/**
 * Who gets told: recipients read from a product's {@code alertRoutes}
 * ({@link io.watershed.alerts.routing.AlertRoutes}, {@link io.watershed.alerts.routing.RouteSpec}), turned into the
 * channels' routes at send time with secrets from the environment
 * ({@link io.watershed.alerts.routing.RouteResolver}).
 */
package io.watershed.alerts.routing;
