/**
 * Alert notification channels: how one {@link io.watershed.alerts.channel.Notification} reaches one recipient.
 *
 * <p>Each {@link io.watershed.alerts.channel.NotificationChannel} makes one synchronous attempt and either returns
 * (the receiver accepted the message) or throws a {@link io.watershed.alerts.channel.DeliveryException} that says
 * whether trying again later can help. Channels keep no state between calls: retries, leases and the outbox belong
 * to the delivery layer built on top of them. Formatting lives in one place,
 * {@link io.watershed.alerts.channel.NotificationRenderer}, so every channel says the same things.
 *
 * <p>Public API: the value records ({@code Notification}, {@code RootCause}, {@code AffectedProduct}, the
 * {@code *Route} records), {@code NotificationChannel}, {@code ChannelRegistry}, {@code DeliveryException}, the
 * channels and their settings, and {@code WebhookSignature} for receivers. Package-private classes are internals.
 */
package io.watershed.alerts.channel;
