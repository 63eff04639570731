package io.watershed.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/** SMTP says itself what is temporary: 4xx replies are, 5xx are not (RFC 5321 4.2.1). */
class SmtpFailuresTest {

  @Test
  void shouldRetryTransientReplies() throws Exception {
    DeliveryException e = SmtpFailures.classify(
        new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null), "smtp:587");

    assertThat(e.retryable()).isTrue();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.SERVER_ERROR);
    assertThat(e.responseCode()).hasValue(451);
  }

  @Test
  void shouldNotRetryAPermanentlyRefusedRecipient() throws Exception {
    SMTPAddressFailedException refused = new SMTPAddressFailedException(
        new InternetAddress("gone@company.com"), "RCPT TO:<gone@company.com>", 550, "550 5.1.1 no such user");
    SendFailedException wrapper = new SendFailedException("Invalid Addresses", refused);

    DeliveryException e = SmtpFailures.classify(wrapper, "smtp:587");

    assertThat(e.retryable()).isFalse();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.REJECTED);
    assertThat(e.responseCode()).hasValue(550);
  }

  @Test
  void shouldNotRetryRefusedCredentials() {
    DeliveryException e = SmtpFailures.classify(new AuthenticationFailedException("535 bad"), "smtp:587");

    assertThat(e.retryable()).isFalse();
    assertThat(e.reason()).isEqualTo(DeliveryException.Reason.AUTHENTICATION_FAILED);
  }

  @Test
  void shouldRetryConnectionFailuresAndTimeouts() {
    MessagingException refused = new MailConnectException(
        new SocketConnectException("refused", new ConnectException("Connection refused"), "smtp", 587, 1000));
    assertThat(SmtpFailures.classify(refused, "smtp:587").reason())
        .isEqualTo(DeliveryException.Reason.CONNECTION_FAILED);

    MessagingException slow = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
    assertThat(SmtpFailures.classify(slow, "smtp:587").reason()).isEqualTo(DeliveryException.Reason.TIMEOUT);
    assertThat(SmtpFailures.classify(slow, "smtp:587").retryable()).isTrue();
  }

  @Test
  void shouldRetryWhatItCannotClassifySoNoAlertIsDroppedByAccident() {
    DeliveryException e = SmtpFailures.classify(new MessagingException("something new"), "smtp:587");

    assertThat(e.retryable()).isTrue();
  }
}
