/**
 * The outbox in Neo4j and the workers that empty it: claims with leases, retries with backoff, DEAD after the last
 * attempt, a bounded pool with per-channel caps ({@link io.watershed.alerts.delivery.OutboxStore},
 * {@link io.watershed.alerts.delivery.DeliveryWorker}, {@link io.watershed.alerts.delivery.DeliveryScheduler}), and
 * their meters ({@link io.watershed.alerts.delivery.DeliveryMetrics}).
 */
package io.watershed.alerts.delivery;
