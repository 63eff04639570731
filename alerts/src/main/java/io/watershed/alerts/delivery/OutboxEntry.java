package io.watershed.alerts.delivery;

import io.watershed.alerts.channel.ChannelType;

/**
 * A claimed notification: what the worker needs to make one attempt.
 *
 * @param attempts attempts so far, this one included
 * @param route the stored route JSON (no secrets)
 * @param payload the stored notification JSON, see {@link NotificationCodec}
 */
public record OutboxEntry(String id, ChannelType routeType, String route, String payload, int attempts) {}
