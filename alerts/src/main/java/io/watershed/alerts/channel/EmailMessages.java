package io.watershed.alerts.channel;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Builds the email for one notification: multipart/alternative with a text and an HTML part, and threading headers.
 *
 * <p>Threading: every message has its own {@code Message-ID} from the notification id (a retry reuses it, so mail
 * clients show a duplicate once), and a {@code References} header naming the alert, derived from the fingerprint.
 * The RESOLVED message also names the alert in {@code In-Reply-To}. Mail clients thread messages that reference the
 * same id, so FIRING and RESOLVED of one alert end up in one conversation, without us having to remember which
 * Message-ID the FIRING mail had (the channel keeps no state).
 */
final class EmailMessages {

  private final Session session;
  private final InternetAddress from;
  private final String idDomain;
  private final NotificationRenderer renderer;

  EmailMessages(Session session, InternetAddress from, NotificationRenderer renderer) {
    this.session = session;
    this.from = from;
    String address = from.getAddress();
    this.idDomain = address.substring(address.lastIndexOf('@') + 1);
    this.renderer = renderer;
  }

  MimeMessage build(Notification n, EmailRoute route, Instant now) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId(n));
    message.setFrom(from);
    for (String to : route.to()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
    }
    message.setSubject(renderer.subject(n), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(now));
    String alert = threadId(n);
    message.setHeader("References", alert);
    if (n.kind() == NotificationKind.RESOLVED) {
      message.setHeader("In-Reply-To", alert);
    }
    // RFC 3834: tells vacation responders and ticket systems not to answer.
    message.setHeader("Auto-Submitted", "auto-generated");
    message.setHeader("X-Watershed-Event", n.kind().wireName());
    message.setHeader("X-Watershed-Severity", n.severity().wireName());
    message.setHeader("X-Watershed-Delivery", n.id());
    message.setHeader("X-Watershed-Fingerprint", n.fingerprint());

    MimeBodyPart text = new MimeBodyPart();
    text.setText(renderer.plainText(n), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(renderer.html(n), StandardCharsets.UTF_8.name(), "html");
    // In multipart/alternative the last part is the preferred one, so HTML goes last.
    MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
    message.setContent(alternatives);
    message.saveChanges();
    return message;
  }

  /** {@code <notification.ID@domain>}; ':' (allowed in ids, not in a Message-ID) becomes '.'. */
  String messageId(Notification n) {
    return "<notification." + n.id().replace(':', '.') + "@" + idDomain + ">";
  }

  /** {@code <alert.FINGERPRINT@domain>}: the same for every message about one alert. */
  String threadId(Notification n) {
    return "<alert." + n.fingerprint().replace(':', '.') + "@" + idDomain + ">";
  }

  /** Jakarta Mail replaces the Message-ID with a random one on saveChanges(); ours must survive. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
