package io.watershed.quality.contract;

import java.util.regex.Pattern;

/**
 * A deliberately plain email check: one {@code @}, a local part of the usual characters, a dotted domain. It catches
 * typos such as a missing {@code @} or a space, not every address RFC 5322 allows.
 */
final class EmailAddresses {

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

  private EmailAddresses() {}

  static boolean isValid(String address) {
    return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
  }
}
