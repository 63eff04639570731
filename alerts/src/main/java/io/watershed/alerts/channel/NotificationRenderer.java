package io.watershed.alerts.channel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link Notification} into what people read: an email subject, plain text, HTML and a Slack message. Every
 * form says the same five things, in the same order: what broke, since when, the root cause, the affected products
 * and the link. Channels call this instead of formatting on their own.
 */
@Singleton
public final class NotificationRenderer {

  /** Products listed in text and HTML before "and N more"; the link has the full list. */
  static final int MAX_PRODUCTS_IN_TEXT = 50;
  /** Products listed in Slack: ten lines keep a section well under Slack's 3,000 characters. */
  static final int MAX_PRODUCTS_IN_SLACK = 10;
  static final int MAX_PATH_NODES = 8;
  static final int MAX_EVIDENCE = 10;
  static final int MAX_SUBJECT = 200;
  /** Slack limits: header text 150 characters, section text 3,000 (api.slack.com/reference/block-kit/blocks). */
  static final int SLACK_HEADER_MAX = 150;
  static final int SLACK_SECTION_MAX = 3000;
  static final int SLACK_TEXT_MAX = 3000;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** E.g. {@code [FIRING][CRITICAL] customer-360 and 2 more: orders_daily failed}. */
  public String subject(Notification n) {
    String products = productPhrase(n.affectedProducts());
    String subject =
        "[" + n.kind().displayName() + "][" + n.severity().name() + "] "
            + (products.isEmpty() ? "" : products + ": ") + n.title();
    return Text.truncate(Text.oneLine(subject), MAX_SUBJECT);
  }

  /** "customer-360", "customer-360 and 2 more", or "" when the notification names no product. */
  public String productPhrase(List<AffectedProduct> products) {
    if (products.isEmpty()) {
      return "";
    }
    String first = products.get(0).name();
    return products.size() == 1 ? first : first + " and " + (products.size() - 1) + " more";
  }

  /** One line: "run failed at job:airflow:etl.orders_daily: Run ended FAIL: ...". */
  public String rootCauseLine(RootCause cause) {
    return Text.oneLine(cause.kind().description() + " at " + cause.nodeId() + ": " + cause.description());
  }

  /** The upstream path, root cause first, its middle elided when long: "a -> b -> c". */
  public String upstreamPathLine(RootCause cause) {
    return String.join(" -> ", Text.abbreviatedPath(cause.upstreamPath(), MAX_PATH_NODES));
  }

  /** Evidence as "runId=..., check=...", at most ten entries. */
  public String evidenceLine(RootCause cause) {
    return String.join(", ", Text.bounded(List.copyOf(cause.evidence().entrySet()), MAX_EVIDENCE,
        e -> e.getKey() + "=" + e.getValue()));
  }

  /** One product for a list: "customer-360 (domain customer, owner x@y): stale, orders_daily is 30h old". */
  public String productLine(AffectedProduct p) {
    return Text.oneLine(
        p.name() + " (domain " + p.domain() + ", owner " + p.owner() + "): " + p.state()
            + (p.reason() == null ? "" : ", " + p.reason()));
  }

  /** The plain-text body: the email's text part. */
  public String plainText(Notification n) {
    StringBuilder out = new StringBuilder();
    out.append(n.kind().displayName()).append(" · ").append(n.severity().name()).append('\n');
    out.append(Text.oneLine(n.title())).append("\n\n");
    out.append("What broke:  ").append(n.summary()).append('\n');
    out.append("Since:       ").append(Text.time(n.since())).append('\n');
    if (n.resolvedAt() != null) {
      out.append("Resolved:    ").append(resolvedPhrase(n)).append('\n');
    }
    RootCause cause = n.rootCause();
    out.append("Root cause:  ").append(cause.kind().description()).append(" at ").append(cause.nodeId())
        .append('\n');
    out.append("             ").append(Text.oneLine(cause.description())).append('\n');
    if (!cause.evidence().isEmpty()) {
      out.append("Evidence:    ").append(evidenceLine(cause)).append('\n');
    }
    if (!cause.upstreamPath().isEmpty()) {
      out.append("Upstream:    ").append(upstreamPathLine(cause)).append('\n');
    }
    if (!n.affectedProducts().isEmpty()) {
      out.append('\n').append(productsHeading(n)).append(":\n");
      for (String line : Text.bounded(n.affectedProducts(), MAX_PRODUCTS_IN_TEXT, this::productLine)) {
        out.append("  - ").append(line).append('\n');
      }
    }
    out.append('\n');
    if (!n.labels().isEmpty()) {
      out.append("Labels:      ").append(labelsLine(n.labels())).append('\n');
    }
    out.append("Details:     ").append(n.link()).append('\n');
    out.append("Alert:       ").append(n.fingerprint()).append('\n');
    return out.toString();
  }

  /** The HTML body: the same content as {@link #plainText}, with inline styles only (mail clients drop CSS). */
  public String html(Notification n) {
    RootCause cause = n.rootCause();
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html><html><body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;\">");
    out.append("<p style=\"margin:0;padding:8px 12px;color:#ffffff;background:").append(bannerColour(n))
        .append(";font-weight:bold;\">").append(esc(n.kind().displayName() + " · " + n.severity().name()))
        .append("</p>");
    out.append("<h2 style=\"margin:12px 0;\">").append(esc(Text.oneLine(n.title()))).append("</h2>");
    out.append("<table style=\"border-collapse:collapse;\">");
    row(out, "What broke", esc(n.summary()));
    row(out, "Since", esc(Text.time(n.since())));
    if (n.resolvedAt() != null) {
      row(out, "Resolved", esc(resolvedPhrase(n)));
    }
    row(out, "Root cause", esc(cause.kind().description()) + " at <code>" + esc(cause.nodeId()) + "</code><br>"
        + esc(Text.oneLine(cause.description())));
    if (!cause.evidence().isEmpty()) {
      row(out, "Evidence", esc(evidenceLine(cause)));
    }
    if (!cause.upstreamPath().isEmpty()) {
      row(out, "Upstream path", Text.abbreviatedPath(cause.upstreamPath(), MAX_PATH_NODES).stream()
          .map(node -> "<code>" + esc(node) + "</code>").collect(Collectors.joining(" &rarr; ")));
    }
    if (!n.labels().isEmpty()) {
      row(out, "Labels", esc(labelsLine(n.labels())));
    }
    out.append("</table>");
    if (!n.affectedProducts().isEmpty()) {
      out.append("<h3 style=\"margin:16px 0 4px 0;\">").append(esc(productsHeading(n))).append("</h3><ul>");
      for (String line : Text.bounded(n.affectedProducts(), MAX_PRODUCTS_IN_TEXT, this::productLine)) {
        out.append("<li>").append(esc(line)).append("</li>");
      }
      out.append("</ul>");
    }
    String link = esc(n.link().toString());
    out.append("<p><a href=\"").append(link).append("\">Open this alert in Watershed</a></p>");
    out.append("<p style=\"color:#777777;font-size:12px;\">Alert ").append(esc(n.fingerprint()))
        .append("</p></body></html>");
    return out.toString();
  }

  /**
   * A Slack incoming-webhook message: {@code text} (shown in notifications and where blocks cannot be) and Block Kit
   * {@code blocks}: a header, a section with what broke, since when and the root cause, a section listing the
   * products, and a context line with the link.
   */
  public ObjectNode slackMessage(Notification n) {
    ObjectNode message = JSON.objectNode();
    message.put("text", Text.truncate(Text.escapeSlack(subject(n)), SLACK_TEXT_MAX));
    ArrayNode blocks = message.putArray("blocks");

    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("emoji", true)
        .put("text", Text.truncate(Text.oneLine(slackEmoji(n) + " " + n.kind().displayName() + " · "
            + n.severity().name() + ": " + n.title()), SLACK_HEADER_MAX));

    addMrkdwnSection(blocks, slackFacts(n));
    if (!n.affectedProducts().isEmpty()) {
      List<String> lines = new ArrayList<>();
      lines.add("*" + Text.escapeSlack(productsHeading(n)) + ":*");
      Text.bounded(n.affectedProducts(), MAX_PRODUCTS_IN_SLACK, this::slackProductLine)
          .forEach(line -> lines.add("• " + (line.startsWith("and ") ? "_" + line + "_" : line)));
      addMrkdwnSection(blocks, String.join("\n", lines));
    }

    ObjectNode context = blocks.addObject().put("type", "context");
    context.putArray("elements").addObject().put("type", "mrkdwn")
        .put("text", "<" + Text.escapeSlack(n.link().toString()) + "|Open in Watershed> · alert `" + code(n.fingerprint()) + "`");
    return message;
  }

  private String slackFacts(Notification n) {
    RootCause cause = n.rootCause();
    List<String> lines = new ArrayList<>();
    lines.add("*What broke:* " + Text.escapeSlack(n.summary()));
    lines.add("*Since:* " + Text.time(n.since()));
    if (n.resolvedAt() != null) {
      lines.add("*Resolved:* " + resolvedPhrase(n));
    }
    lines.add("*Root cause:* " + Text.escapeSlack(cause.kind().description()) + " at `" + code(cause.nodeId())
        + "`: " + Text.escapeSlack(Text.oneLine(cause.description())));
    if (!cause.evidence().isEmpty()) {
      lines.add("*Evidence:* " + Text.escapeSlack(evidenceLine(cause)));
    }
    if (!cause.upstreamPath().isEmpty()) {
      lines.add("*Upstream path:* " + Text.abbreviatedPath(cause.upstreamPath(), MAX_PATH_NODES).stream()
          .map(node -> "`" + code(node) + "`").collect(Collectors.joining(" → ")));
    }
    return String.join("\n", lines);
  }

  private String slackProductLine(AffectedProduct p) {
    return Text.truncate("*" + Text.escapeSlack(p.name()) + "* (" + Text.escapeSlack(p.domain()) + ", "
        + Text.escapeSlack(p.owner()) + "): " + Text.escapeSlack(Text.oneLine(
            p.state() + (p.reason() == null ? "" : ", " + p.reason()))), 250);
  }

  private static void addMrkdwnSection(ArrayNode blocks, String text) {
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn")
        .put("text", Text.truncate(text, SLACK_SECTION_MAX));
  }

  private static String productsHeading(Notification n) {
    int count = n.affectedProducts().size();
    return switch (n.kind()) {
      case FIRING -> "Affected data products (" + count + ")";
      case UPSTREAM_AT_RISK -> "Data products at risk (" + count + ")";
      case RESOLVED -> "Data products that were affected (" + count + ")";
    };
  }

  private static String resolvedPhrase(Notification n) {
    return Text.time(n.resolvedAt()) + ", after " + Text.duration(Duration.between(n.since(), n.resolvedAt()));
  }

  private static String labelsLine(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String slackEmoji(Notification n) {
    return switch (n.kind()) {
      case RESOLVED -> ":white_check_mark:";
      case UPSTREAM_AT_RISK -> ":warning:";
      case FIRING -> switch (n.severity()) {
        case CRITICAL -> ":red_circle:";
        case WARNING -> ":large_orange_circle:";
        case INFO -> ":large_blue_circle:";
      };
    };
  }

  private static String bannerColour(Notification n) {
    return switch (n.kind()) {
      case RESOLVED -> "#2e7d32";
      case UPSTREAM_AT_RISK -> "#ef6c00";
      case FIRING -> n.severity() == Severity.CRITICAL ? "#c62828" : "#ef6c00";
    };
  }

  private static void row(StringBuilder out, String label, String valueHtml) {
    out.append("<tr><td style=\"padding:2px 12px 2px 0;vertical-align:top;font-weight:bold;\">").append(esc(label))
        .append("</td><td style=\"padding:2px 0;\">").append(valueHtml).append("</td></tr>");
  }

  private static String esc(String value) {
    return Text.escapeHtml(value);
  }

  /** Text for a Slack code span: escaped, and without backticks, which would end the span. */
  private static String code(String value) {
    return Text.escapeSlack(value.replace('`', '\''));
  }
}
