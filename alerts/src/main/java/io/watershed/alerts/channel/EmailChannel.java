package io.watershed.alerts.channel;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.InstantSource;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email over SMTP with Jakarta Mail (Angus): one connection per send, STARTTLS or SMTPS as configured, all
 * recipients in one message.
 *
 * <p>All or nothing: if the server refuses any recipient, nothing is sent (Jakarta Mail's default,
 * {@code mail.smtp.sendpartial=false}) and the refusal comes back as a non-retryable failure, so a retry cannot mail
 * the accepted recipients twice. Once the server has accepted the message, a failure while closing the connection is
 * ignored for the same reason.
 */
@Singleton
@Requires(beans = EmailSettings.class)
public final class EmailChannel implements NotificationChannel {

  private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

  private final EmailSettings settings;
  private final Session session;
  private final EmailMessages messages;
  private final InstantSource clock;

  /**
   * @param settings the SMTP server and sender
   * @param renderer writes subject and bodies
   * @param clock gives the {@code Date} header
   */
  public EmailChannel(EmailSettings settings, NotificationRenderer renderer, InstantSource clock) {
    this.settings = settings;
    this.session = Session.getInstance(sessionProperties(settings));
    this.clock = clock;
    this.messages = new EmailMessages(session, settings.sender(), renderer);
  }

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }

  @Override
  public void send(Notification notification, Route route) throws DeliveryException {
    if (!(route instanceof EmailRoute email)) {
      throw DeliveryException.wrongRoute(type(), route);
    }
    String server = settings.host() + ":" + settings.port();
    Transport transport = null;
    try {
      MimeMessage message = messages.build(notification, email, clock.instant());
      transport = session.getTransport(protocol(settings));
      transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      closeQuietly(transport);
      throw SmtpFailures.classify(e, server);
    }
    closeQuietly(transport);
    LOG.debug("Delivered notification {} by email via {} to {} recipient(s)", notification.id(), server,
        email.to().size());
  }

  private static void closeQuietly(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // The message was accepted (or the send already failed); a failed QUIT changes neither.
      LOG.debug("Closing the SMTP connection failed: {}", e.getMessage());
    }
  }

  static String protocol(EmailSettings settings) {
    return settings.security() == EmailSettings.Security.SMTPS ? "smtps" : "smtp";
  }

  /** Jakarta Mail session properties; keys are per protocol ({@code mail.smtp.*} or {@code mail.smtps.*}). */
  static Properties sessionProperties(EmailSettings settings) {
    String protocol = protocol(settings);
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.setProperty("mail.transport.protocol", protocol);
    props.setProperty(p + "host", settings.host());
    props.setProperty(p + "port", Integer.toString(settings.port()));
    // The envelope sender (MAIL FROM) is the bare address, without the display name of the From header.
    props.setProperty(p + "from", settings.sender().getAddress());
    props.setProperty(p + "auth", Boolean.toString(settings.username() != null));
    props.setProperty(p + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    props.setProperty(p + "timeout", Long.toString(settings.readTimeout().toMillis()));
    props.setProperty(p + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
    props.setProperty(p + "sendpartial", "false");
    props.setProperty(p + "ssl.checkserveridentity", "true");
    if (settings.security() == EmailSettings.Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    return props;
  }
}
