/**
 * The alert engine: one alert per root cause and product ({@link io.watershed.alerts.alert.AlertEngine},
 * {@link io.watershed.alerts.alert.ProblemAnalyzer}, {@link io.watershed.alerts.alert.AlertStore}), and the planner
 * that groups alerts into one notification per root cause and recipient and records it in the outbox
 * ({@link io.watershed.alerts.alert.NotificationPlanner}). Background work is scheduled by {@code AlertScheduler} and
 * runs on one engine thread per replica ({@code AlertWorkQueue}).
 */
package io.watershed.alerts.alert;
