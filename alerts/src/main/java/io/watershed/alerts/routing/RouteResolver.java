package io.watershed.alerts.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.watershed.alerts.channel.AlertmanagerRoute;
import io.watershed.alerts.channel.ChannelType;
import io.watershed.alerts.channel.DeliveryException;
import io.watershed.alerts.channel.EmailRoute;
import io.watershed.alerts.channel.Route;
import io.watershed.alerts.channel.SlackRoute;
import io.watershed.alerts.channel.WebhookRoute;
import io.watershed.alerts.support.GraphValues;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a stored {@link RouteSpec} into the channel's {@link Route} at send time, reading a webhook's secret from
 * its environment variable then. A route that cannot be built fails as {@code MISCONFIGURED} (not retried): the
 * contract or the environment must change first.
 */
@Singleton
public class RouteResolver {

  private final SecretSource secrets;

  public RouteResolver(SecretSource secrets) {
    this.secrets = secrets;
  }

  public Route resolve(ChannelType type, String json) throws DeliveryException {
    try {
      JsonNode route = GraphValues.mapper().readTree(json);
      return switch (type) {
        case EMAIL -> {
          List<String> to = new ArrayList<>();
          route.path("to").forEach(a -> to.add(a.asText()));
          yield new EmailRoute(to);
        }
        case SLACK -> new SlackRoute(URI.create(route.path("webhookUrl").asText()), route.path("channel").asText(null));
        case WEBHOOK -> {
          String variable = route.path("secretEnv").asText();
          String secret = secrets.secret(variable);
          if (secret == null || secret.isBlank()) {
            throw misconfigured(type, "the webhook secret variable " + variable + " is not set");
          }
          yield new WebhookRoute(URI.create(route.path("url").asText()), secret);
        }
        case ALERTMANAGER -> new AlertmanagerRoute(URI.create(route.path("url").asText()));
      };
    } catch (IOException e) {
      throw misconfigured(type, "the stored " + type + " route is not JSON");
    } catch (IllegalArgumentException | NullPointerException e) {
      // URI.create echoes the URL, which may hold a token: say only that it is invalid. The route records' own
      // messages name the rule, never the secret.
      String why = e.getCause() instanceof URISyntaxException ? "invalid URL" : e.getMessage();
      throw misconfigured(type, "the " + type + " route cannot be used: " + why);
    }
  }

  private static DeliveryException misconfigured(ChannelType type, String message) {
    return new DeliveryException(type, DeliveryException.Reason.MISCONFIGURED, message, null);
  }
}
