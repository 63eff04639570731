package io.watershed.alerts.routing;

import io.watershed.alerts.channel.ChannelType;
import java.util.Objects;

/**
 * One recipient as a contract names it, without secrets: what the outbox stores, and what notifications are grouped
 * by (one notification per recipient and alert). Email routes are split per address, so an address listed by two
 * products gets one message about both.
 *
 * @param key identifies the recipient, e.g. {@code email:team@corp.com} or {@code webhook:<hash of url>}
 * @param json the route as stored: the contract's JSON for this recipient (webhooks name their secret's environment
 *     variable, never the secret)
 * @param display for people and logs: the address, or the URL's scheme, host and port only
 */
public record RouteSpec(ChannelType type, String key, String json, String display) {

  public RouteSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(display, "display");
  }
}
