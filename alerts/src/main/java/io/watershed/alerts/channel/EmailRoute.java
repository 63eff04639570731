package io.watershed.alerts.channel;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;

/**
 * Email recipients for one notification.
 *
 * @param to one or more RFC 5322 addresses, e.g. {@code customer-analytics@company.com}
 */
public record EmailRoute(List<String> to) implements Route {

  public EmailRoute {
    to = Checks.listCopy(to);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("an email route needs at least one recipient");
    }
    for (String address : to) {
      try {
        // Strict parsing here so a typo in a contract fails when the route is built, not at 3 a.m.
        new InternetAddress(address, true).validate();
      } catch (AddressException e) {
        throw new IllegalArgumentException("not an email address: " + address, e);
      }
    }
  }

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }
}
