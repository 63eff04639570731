package io.watershed.quality.contract;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Absolute http(s) URLs with a host: the only kind Watershed will post alerts to. */
final class HttpUrls {

  private HttpUrls() {}

  static boolean isHttpUrl(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  /** {@code https://hooks.slack.com/…}: enough to recognise a URL in a log, not enough to use it. */
  static String redacted(URI uri) {
    if (uri.getHost() == null) {
      return uri.getScheme() == null ? "…" : uri.getScheme() + ":…";
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return uri.getScheme() + "://" + uri.getHost() + port + "/…";
  }

  static Optional<URI> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.strip());
      return isHttpUrl(uri) ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
