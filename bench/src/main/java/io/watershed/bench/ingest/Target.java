package io.watershed.bench.ingest;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The Watershed under test. Only loopback addresses are accepted: a load generator pointed at a shared server by
 * mistake does real harm, and the published figures are for client and server on one machine.
 */
public record Target(URI baseUrl) {

  public Target {
    if (baseUrl == null || baseUrl.getHost() == null || !"http".equals(baseUrl.getScheme())) {
      throw new IllegalArgumentException("--url must be an http:// URL with a host, e.g. http://localhost:5000");
    }
    if (baseUrl.getPath() != null && !baseUrl.getPath().isEmpty() && !"/".equals(baseUrl.getPath())) {
      throw new IllegalArgumentException("--url is the server's base URL, without a path: " + baseUrl);
    }
    try {
      if (!InetAddress.getByName(baseUrl.getHost()).isLoopbackAddress()) {
        throw new IllegalArgumentException("refusing to load a non-local server: " + baseUrl.getHost());
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("unknown host " + baseUrl.getHost(), e);
    }
  }

  public static Target of(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return new Target(URI.create(trimmed));
  }

  /** The base URL (no trailing slash) as a string. */
  public String base() {
    String s = baseUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public URI resolve(String pathAndQuery) {
    return URI.create(base() + pathAndQuery);
  }
}
