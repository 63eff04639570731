package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns ODCS {@code support} channels into alert routes where they are something Watershed can send to:
 * {@code tool: email} (or a {@code mailto:} URL) becomes a mail route; {@code tool: slack} a Slack route (its
 * {@code url} counts as a webhook only when it is a {@code hooks.slack.com} URL; a channel link is not one);
 * {@code tool: webhook} a webhook route. Other channels (Teams, ticket systems, feedback pages ...) are for people,
 * not for alerts, and are listed under {@code support} in the info map.
 */
final class OdcsSupport {

  private OdcsSupport() {}

  static List<AlertRoute> routes(JsonNode support, Problems problems, Problems warnings, Map<String, String> info) {
    List<AlertRoute> routes = new ArrayList<>();
    List<String> channels = new ArrayList<>();
    for (int i = 0; i < support.size(); i++) {
      FieldPath path = FieldPath.ROOT.key("support").index(i);
      JsonNode item = support.get(i);
      String channel = item.path("channel").asText("").strip();
      String tool = item.path("tool").asText("").strip().toLowerCase(Locale.ROOT);
      String url = item.path("url").asText("").strip();
      channels.add(tool.isEmpty() ? channel : channel + " (" + tool + ")");
      Optional<AlertRoute> route;
      if (tool.equals("email") || url.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
        route = email(channel, url);
        if (route.isEmpty()) {
          warnings.add(path, "is an email channel without an email address in 'url' (mailto:) or 'channel'");
        }
      } else if (tool.equals("slack")) {
        route = Optional.of(slack(channel, url));
      } else if (tool.equals("webhook")) {
        Optional<URI> webhook = HttpUrls.parse(url);
        if (webhook.isEmpty()) {
          problems.add(path.key("url"), AlertsReader.URL_RULE + " for a webhook channel");
        }
        route = webhook.map(uri -> new AlertRoute.Webhook(uri, null));
      } else {
        route = Optional.empty();
        warnings.add(path, "is a support channel for people (" + (tool.isEmpty() ? "no tool" : "tool " + tool)
            + "), not an alert route; alerts go to email, slack and webhook channels");
      }
      route.filter(r -> !routes.contains(r)).ifPresent(routes::add);
    }
    if (!channels.isEmpty()) {
      info.put("support", String.join(", ", channels));
    }
    return routes;
  }

  private static Optional<AlertRoute> email(String channel, String url) {
    String address = url.toLowerCase(Locale.ROOT).startsWith("mailto:") ? url.substring("mailto:".length()) : channel;
    int query = address.indexOf('?');
    if (query >= 0) {
      address = address.substring(0, query);
    }
    return EmailAddresses.isValid(address) ? Optional.of(new AlertRoute.Email(address)) : Optional.empty();
  }

  private static AlertRoute slack(String channel, String url) {
    URI webhook = HttpUrls.parse(url)
        .filter(uri -> uri.getHost().toLowerCase(Locale.ROOT).equals("hooks.slack.com"))
        .orElse(null);
    return new AlertRoute.Slack(webhook, channel);
  }
}
