package io.watershed.alerts.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.rootcause.RootCauseKey;
import io.watershed.alerts.support.GraphValues;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a product's {@code alertRoutes} JSON (docs/graph-model.md): {@code {"type":"email","to":[...]}},
 * {@code {"type":"slack","webhookUrl":...,"channel":...}}, {@code {"type":"webhook","url":...,"secretEnv":...}},
 * {@code {"type":"alertmanager","url":...}}. A route that cannot be delivered to (no address, no URL, a webhook
 * without {@code secretEnv}, a Slack route with only a channel) is skipped with a warning naming the product.
 */
public final class AlertRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);

  private AlertRoutes() {}

  /** The recipients of one product, in contract order, each once. */
  public static List<RouteSpec> parse(String product, @Nullable String json) {
    Map<String, RouteSpec> out = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = GraphValues.mapper().readTree(json);
    } catch (IOException e) {
      LOG.warn("Product {} has alertRoutes that are not JSON; it gets no notifications", product);
      return List.of();
    }
    if (root == null || !root.isArray()) {
      LOG.warn("Product {} has alertRoutes that are not a JSON list; it gets no notifications", product);
      return List.of();
    }
    for (JsonNode route : root) {
      for (RouteSpec spec : specs(product, route)) {
        out.putIfAbsent(spec.key(), spec);
      }
    }
    return List.copyOf(out.values());
  }

  private static List<RouteSpec> specs(String product, JsonNode route) {
    String type = route.path("type").asText("").toLowerCase(Locale.ROOT);
    List<RouteSpec> out = new ArrayList<>();
    switch (type) {
      case "email" -> {
        List<String> to = new ArrayList<>();
        JsonNode list = route.get("to");
        if (list != null && list.isArray()) {
          list.forEach(a -> to.add(a.asText("").strip()));
        } else if (list != null && list.isTextual()) {
          to.add(list.asText().strip());
        }
        if (route.hasNonNull("address")) {
          to.add(route.get("address").asText().strip());
        }
        for (String address : to) {
          if (address.isEmpty()) {
            continue;
          }
          ObjectNode json = GraphValues.mapper().createObjectNode().put("type", "email");
          json.putArray("to").add(address);
          out.add(new RouteSpec(ChannelType.EMAIL, "email:" + address.toLowerCase(Locale.ROOT), json.toString(), address));
        }
        if (out.isEmpty()) {
          skip(product, "email route without an address");
        }
      }
      case "slack" -> {
        String url = route.path("webhookUrl").asText("");
        if (url.isBlank()) {
          skip(product, "Slack route without webhookUrl (a channel alone cannot be posted to)");
          break;
        }
        String channel = route.path("channel").asText("");
        ObjectNode json = GraphValues.mapper().createObjectNode().put("type", "slack").put("webhookUrl", url);
        if (!channel.isBlank()) {
          json.put("channel", channel);
        }
        out.add(new RouteSpec(ChannelType.SLACK, "slack:" + RootCauseKey.hash(url + '\u0000' + channel), json.toString(),
            "slack " + safe(url) + (channel.isBlank() ? "" : " " + channel)));
      }
      case "webhook" -> {
        String url = route.path("url").asText("");
        String secretEnv = route.path("secretEnv").asText("");
        if (url.isBlank() || secretEnv.isBlank()) {
          skip(product, "webhook route needs url and secretEnv (webhooks are always signed)");
          break;
        }
        ObjectNode json =
            GraphValues.mapper().createObjectNode().put("type", "webhook").put("url", url).put("secretEnv", secretEnv);
        out.add(new RouteSpec(ChannelType.WEBHOOK, "webhook:" + RootCauseKey.hash(url + '\u0000' + secretEnv),
            json.toString(), "webhook " + safe(url)));
      }
      case "alertmanager" -> {
        String url = route.path("url").asText("");
        if (url.isBlank()) {
          skip(product, "alertmanager route without url");
          break;
        }
        ObjectNode json = GraphValues.mapper().createObjectNode().put("type", "alertmanager").put("url", url);
        out.add(new RouteSpec(ChannelType.ALERTMANAGER, "alertmanager:" + RootCauseKey.hash(url), json.toString(),
            "alertmanager " + safe(url)));
      }
      default -> skip(product, "unknown route type '" + type + "'");
    }
    return out;
  }

  private static void skip(String product, String why) {
    LOG.warn("Product {}: skipping an alert route: {}", product, why);
  }

  /** Scheme, host and port only: webhook paths and user info are often credentials. */
  static String safe(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/…";
    } catch (IllegalArgumentException e) {
      return "(invalid URL)";
    }
  }
}
