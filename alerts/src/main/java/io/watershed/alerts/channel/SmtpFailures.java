package io.watershed.alerts.channel;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Classifies Jakarta Mail failures. SMTP itself says what is temporary: 4xx replies are transient, 5xx permanent
 * (RFC 5321 4.2.1). Without a reply code, an I/O failure is retryable, and so is anything unclassified, so that an
 * alert is not dropped on an error nobody anticipated; the delivery layer's attempt limit still ends those.
 */
final class SmtpFailures {

  private SmtpFailures() {}

  static DeliveryException classify(MessagingException error, String server) {
    String prefix = "EMAIL delivery via " + server + " failed: ";
    if (error instanceof AuthenticationFailedException) {
      return new DeliveryException(ChannelType.EMAIL, DeliveryException.Reason.AUTHENTICATION_FAILED,
          prefix + "authentication refused: " + oneLine(error), error);
    }
    Integer code = replyCode(error);
    if (code != null && code >= 400) {
      DeliveryException.Reason reason =
          code >= 500 ? DeliveryException.Reason.REJECTED : DeliveryException.Reason.SERVER_ERROR;
      return new DeliveryException(ChannelType.EMAIL, reason, code, null,
          prefix + "the server replied " + oneLine(error), error);
    }
    if (Causes.contain(error, SocketTimeoutException.class)) {
      return new DeliveryException(ChannelType.EMAIL, DeliveryException.Reason.TIMEOUT,
          prefix + "timed out: " + oneLine(error), error);
    }
    if (Causes.contain(error, IOException.class)) {
      String what = Causes.contain(error, ConnectException.class) ? "could not connect: " : "connection failed: ";
      return new DeliveryException(ChannelType.EMAIL, DeliveryException.Reason.CONNECTION_FAILED,
          prefix + what + oneLine(error), error);
    }
    return new DeliveryException(ChannelType.EMAIL, DeliveryException.Reason.SERVER_ERROR,
        prefix + oneLine(error), error);
  }

  /**
   * The SMTP reply code carried anywhere in the chain. A refused recipient arrives as a SendFailedException whose
   * next exception (MessagingException.getCause() returns it) is the SMTPAddressFailedException with the code.
   */
  private static Integer replyCode(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SMTPSendFailedException e) {
        return e.getReturnCode();
      }
      if (t instanceof SMTPAddressFailedException e) {
        return e.getReturnCode();
      }
      if (t instanceof SMTPSenderFailedException e) {
        return e.getReturnCode();
      }
    }
    return null;
  }

  private static String oneLine(Throwable error) {
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return Text.excerpt(message);
  }
}
