package io.watershed.quality.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an {@code alerts} mapping: {@code email} (one address or a list), {@code slack} ({@code webhook_url} and/or
 * {@code channel}) and {@code webhook} ({@code url}, optional {@code secret_env}). The short form's
 * {@code spec.alerts} and the ODCS extension {@code watershed.alerts} share it.
 */
final class AlertsReader {

  static final Set<String> KEYS = Set.of("email", "slack", "webhook");
  private static final Set<String> SLACK_KEYS = Set.of("webhook_url", "channel");
  private static final Set<String> WEBHOOK_KEYS = Set.of("url", "secret_env");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern SLACK_CHANNEL = Pattern.compile("#?[^\\s#]{1,80}");
  static final String URL_RULE = "must be an absolute http or https URL";

  private AlertsReader() {}

  static List<AlertRoute> read(Problems problems, FieldPath path, JsonNode value) {
    MappingReader alerts = MappingReader.of(problems, path, value, KEYS);
    if (alerts == null) {
      return List.of();
    }
    List<AlertRoute> routes = new ArrayList<>();
    List<String> emails = alerts.textList("email", false);
    if (emails != null) {
      for (int i = 0; i < emails.size(); i++) {
        String address = emails.get(i);
        if (EmailAddresses.isValid(address)) {
          routes.add(new AlertRoute.Email(address));
        } else {
          FieldPath at = alerts.get("email").isArray() ? alerts.path("email").index(i) : alerts.path("email");
          problems.add(at, "must be an email address such as team@example.com");
        }
      }
    }
    MappingReader slack = alerts.mapping("slack", false, SLACK_KEYS);
    if (slack != null) {
      AlertRoute slackRoute = slack(problems, slack);
      if (slackRoute != null) {
        routes.add(slackRoute);
      }
    }
    MappingReader webhook = alerts.mapping("webhook", false, WEBHOOK_KEYS);
    if (webhook != null) {
      URI url = url(problems, webhook, "url", true);
      String secretEnv = webhook.text("secret_env", false);
      if (secretEnv != null && !ENV_NAME.matcher(secretEnv).matches()) {
        problems.add(webhook.path("secret_env"),
            "must be the name of an environment variable (letters, digits, '_'), not a secret");
        secretEnv = null;
      }
      if (url != null) {
        routes.add(new AlertRoute.Webhook(url, secretEnv));
      }
    }
    if (alerts.entries().isEmpty()) {
      problems.add(path, "must name at least one route: email, slack or webhook");
    }
    return routes;
  }

  private static AlertRoute slack(Problems problems, MappingReader slack) {
    URI webhookUrl = url(problems, slack, "webhook_url", false);
    String channel = slack.text("channel", false);
    if (channel != null && !SLACK_CHANNEL.matcher(channel).matches()) {
      problems.add(slack.path("channel"), "must be a Slack channel such as #data-alerts");
      channel = null;
    }
    if (!slack.has("webhook_url") && !slack.has("channel")) {
      problems.add(slack.path(), "must have a webhook_url, a channel or both");
      return null;
    }
    return webhookUrl == null && channel == null ? null : new AlertRoute.Slack(webhookUrl, channel);
  }

  private static URI url(Problems problems, MappingReader reader, String key, boolean required) {
    String text = reader.text(key, required);
    if (text == null) {
      return null;
    }
    URI url = HttpUrls.parse(text).orElse(null);
    if (url == null) {
      problems.add(reader.path(key), URL_RULE);
    }
    return url;
  }
}
