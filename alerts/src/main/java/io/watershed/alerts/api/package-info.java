/**
 * The HTTP API of impact, root cause, alerts, notifications, silences and changes; every error is an
 * {@link io.watershed.api.ApiError}, one exception handler per family ({@code AlertsErrorHandlers}).
 */
package io.watershed.alerts.api;
