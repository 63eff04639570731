package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a real SMTP server: GreenMail on a free loopback port, requiring the configured user's password. */
class EmailChannelTest {

  static final String USER = "watershed";
  static final String PASSWORD = "s3cret-smtp-password";
  static final Instant NOW = Instant.parse("2026-03-02T04:05:00Z");

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

  private final EmailRoute route =
      new EmailRoute(List.of("customer-analytics@company.com", "oncall@company.com"));
  private EmailChannel channel;

  @BeforeEach
  void setUp() {
    channel = channel(settings(SMTP.getSmtp().getPort(), PASSWORD));
  }

  @Test
  void shouldDeliverToEveryRecipientWithSubjectAndBothParts() throws Exception {
    channel.send(SampleNotifications.firing(), route);

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy per recipient mailbox
    MimeMessage message = received[0];
    assertThat(addresses(message.getRecipients(Message.RecipientType.TO)))
        .containsExactly("customer-analytics@company.com", "oncall@company.com");
    assertThat(addresses(message.getFrom())).containsExactly("watershed@company.com");
    assertThat(message.getSubject()).isEqualTo("[FIRING][CRITICAL] customer-360 and 2 more: orders_daily failed");
    assertThat(message.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(message.getHeader("X-Watershed-Event")).containsExactly("firing");

    MimeMultipart alternatives = (MimeMultipart) message.getContent();
    assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
    assertThat(alternatives.getCount()).isEqualTo(2);
    BodyPart text = alternatives.getBodyPart(0);
    BodyPart html = alternatives.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
    assertThat((String) text.getContent())
        .contains("What broke:  The Airflow task etl.orders_daily failed")
        .contains("Since:       2026-03-02 04:00:00 UTC")
        .contains("Root cause:  run failed at job:airflow:etl.orders_daily")
        .contains("  - customer-360 (domain customer, owner customer-analytics@company.com): stale")
        .contains("Details:     https://watershed.example.com/api/v1/alerts/3f9a1c7e2b5d4e60");
    assertThat((String) html.getContent())
        .contains("<a href=\"https://watershed.example.com/api/v1/alerts/3f9a1c7e2b5d4e60\">")
        .contains("<li>customer-360 (domain customer, owner customer-analytics@company.com): stale");
  }

  @Test
  void shouldThreadTheResolvedMailUnderTheFiringOne() throws Exception {
    channel.send(SampleNotifications.firing(), route);
    channel.send(SampleNotifications.resolved(), route);

    MimeMessage[] received = SMTP.getReceivedMessages();
    MimeMessage firing = received[0];
    MimeMessage resolved = Arrays.stream(received)
        .filter(m -> header(m, "X-Watershed-Event").equals("resolved")).findFirst().orElseThrow();
    String thread = "<alert.3f9a1c7e2b5d4e60@company.com>";
    assertThat(header(firing, "Message-ID")).isEqualTo("<notification.3f9a1c7e2b5d4e60.firing@company.com>");
    assertThat(header(firing, "References")).isEqualTo(thread);
    assertThat(firing.getHeader("In-Reply-To")).isNull();
    assertThat(header(resolved, "Message-ID")).isEqualTo("<notification.3f9a1c7e2b5d4e60.resolved@company.com>");
    assertThat(header(resolved, "In-Reply-To")).isEqualTo(thread);
    assertThat(header(resolved, "References")).isEqualTo(thread);
    assertThat(resolved.getSubject()).startsWith("[RESOLVED][CRITICAL] customer-360 and 2 more:");
    assertThat((String) ((MimeMultipart) resolved.getContent()).getBodyPart(0).getContent())
        .contains("Resolved:    2026-03-02 07:20:00 UTC, after 3h 20m");
  }

  @Test
  void shouldKeepTheMessageIdWhenTheSameNotificationIsSentAgain() throws Exception {
    channel.send(SampleNotifications.firing(), route);
    channel.send(SampleNotifications.firing(), route);

    assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(m -> header(m, "Message-ID")).distinct())
        .as("a retry is recognisable as the same message").hasSize(1);
  }

  @Test
  void shouldNotRetryWhenTheServerRefusesTheCredentials() {
    EmailChannel wrongPassword = channel(settings(SMTP.getSmtp().getPort(), "not-the-password"));

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> wrongPassword.send(SampleNotifications.firing(), route));

    assertThat(e.retryable()).isFalse();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.AUTHENTICATION_FAILED);
    assertThat(e.channel()).isEqualTo(ChannelType.EMAIL);
    assertThat(e.getMessage()).doesNotContain("not-the-password");
    assertThat(SMTP.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldRetryWhenTheServerCannotBeReached() {
    int closedPort = RecordingHttpServer.closedPortUri("").getPort();
    EmailChannel unreachable = channel(settings(closedPort, PASSWORD));

    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> unreachable.send(SampleNotifications.firing(), route));

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.CONNECTION_FAILED);
  }

  @Test
  void shouldRetryWhenTheServerDoesNotAnswerInTime() throws Exception {
    // The kernel completes the TCP handshake into the backlog, but nobody ever sends the SMTP greeting.
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EmailChannel waiting = channel(new EmailSettings("127.0.0.1", silent.getLocalPort(),
          EmailSettings.Security.NONE, USER, PASSWORD, "watershed@company.com", Duration.ofSeconds(2),
          Duration.ofMillis(300)));

      DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> waiting.send(SampleNotifications.firing(), route));

      assertThat(e.retryable()).isTrue();
      assertThat(e.reason()).isEqualTo(DeliveryException.Reason.TIMEOUT);
    }
  }

  @Test
  void shouldRequireStartTlsOrSmtpsAsConfigured() {
    Properties startTls = EmailChannel.sessionProperties(new EmailSettings("smtp.company.com", 587,
        EmailSettings.Security.STARTTLS, USER, PASSWORD, "watershed@company.com", Duration.ofSeconds(3),
        Duration.ofSeconds(7)));
    assertThat(startTls)
        .containsEntry("mail.transport.protocol", "smtp")
        .containsEntry("mail.smtp.starttls.enable", "true")
        .containsEntry("mail.smtp.starttls.required", "true")
        .containsEntry("mail.smtp.auth", "true")
        .containsEntry("mail.smtp.connectiontimeout", "3000")
        .containsEntry("mail.smtp.timeout", "7000")
        .containsEntry("mail.smtp.writetimeout", "7000")
        .containsEntry("mail.smtp.ssl.checkserveridentity", "true");

    Properties smtps = EmailChannel.sessionProperties(new EmailSettings("smtp.company.com", 465,
        EmailSettings.Security.SMTPS, null, null, "watershed@company.com", Duration.ofSeconds(3),
        Duration.ofSeconds(7)));
    assertThat(smtps)
        .containsEntry("mail.transport.protocol", "smtps")
        .containsEntry("mail.smtps.host", "smtp.company.com")
        .containsEntry("mail.smtps.port", "465")
        .containsEntry("mail.smtps.auth", "false")
        .containsEntry("mail.smtps.ssl.checkserveridentity", "true")
        .doesNotContainKey("mail.smtp.starttls.enable");
    assertThat(smtps.values()).doesNotContain(PASSWORD);
  }

  @Test
  void shouldNeverPrintThePassword() {
    assertThat(settings(25, PASSWORD).toString()).doesNotContain(PASSWORD).contains("password=***");
  }

  @Test
  void shouldRefuseARouteOfAnotherType() {
    DeliveryException e = catchThrowableOfType(DeliveryException.class,
        () -> channel.send(SampleNotifications.firing(),
        new WebhookRoute(URI.create("https://example.com/hook"), "0123456789abcdef")));

    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.MISCONFIGURED);
  }

  private static EmailSettings settings(int port, String password) {
    return new EmailSettings("127.0.0.1", port, EmailSettings.Security.NONE, USER, password,
        "Watershed <watershed@company.com>", Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private static EmailChannel channel(EmailSettings settings) {
    return new EmailChannel(settings, new NotificationRenderer(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static List<String> addresses(Address[] addresses) {
    return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
  }

  private static String header(MimeMessage message, String name) {
    try {
      String[] values = message.getHeader(name);
      return values == null ? "" : values[0];
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
