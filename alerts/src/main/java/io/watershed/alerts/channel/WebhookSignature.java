package io.watershed.alerts.channel;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhook deliveries.
 *
 * <p>The signature is {@code sha256=<lowercase hex of HMAC-SHA256(secret, "<timestamp>.<raw body>")>}, where the
 * timestamp is the {@code X-Watershed-Timestamp} header (Unix seconds). Signing the timestamp with the body lets a
 * receiver refuse replays: a captured request cannot be re-sent later with a fresh timestamp without the secret. A
 * receiver must verify against the raw body bytes, before any JSON parsing.
 */
public final class WebhookSignature {

  public static final String TIMESTAMP_HEADER = "X-Watershed-Timestamp";
  public static final String SIGNATURE_HEADER = "X-Watershed-Signature";
  public static final String PREFIX = "sha256=";
  /** Five minutes either way: enough for clock skew and slow proxies, short enough to make a replay useless. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private WebhookSignature() {}

  /** The {@code X-Watershed-Signature} header value for this body sent at {@code timestampSeconds}. */
  public static String sign(String secret, long timestampSeconds, byte[] body) {
    return PREFIX + HEX.formatHex(hmac(secret, timestampSeconds, body));
  }

  /** {@link #sign(String, long, byte[])} for a body given as text, encoded as UTF-8 (as it was sent). */
  public static String sign(String secret, long timestampSeconds, String body) {
    return sign(secret, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a delivery is authentic and recent.
   *
   * @param secret the route's shared secret
   * @param timestampHeader the {@code X-Watershed-Timestamp} header as received
   * @param body the raw request body bytes
   * @param signatureHeader the {@code X-Watershed-Signature} header as received
   * @param now the receiver's current time
   * @param tolerance how far the timestamp may be from {@code now}, either way
   * @return true only if the timestamp is within tolerance and the signature matches (compared in constant time)
   */
  public static boolean verify(
      String secret,
      String timestampHeader,
      byte[] body,
      String signatureHeader,
      Instant now,
      Duration tolerance) {
    if (secret == null || secret.isEmpty() || timestampHeader == null || body == null
        || signatureHeader == null) {
      return false;
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.getSeconds()) {
      return false;
    }
    String signature = signatureHeader.trim();
    if (!signature.startsWith(PREFIX)) {
      return false;
    }
    byte[] received;
    try {
      received = HEX.parseHex(signature.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, timestamp, body), received);
  }

  /** {@link #verify(String, String, byte[], String, Instant, Duration)} with a UTF-8 body and the default tolerance. */
  public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader, Instant now) {
    return verify(secret, timestampHeader, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        signatureHeader, now, DEFAULT_TOLERANCE);
  }

  private static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java platform must provide HmacSHA256, and any non-empty key is valid for it.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
