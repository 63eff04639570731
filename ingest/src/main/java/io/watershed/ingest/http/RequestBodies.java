package io.watershed.ingest.http;

import io.watershed.ingest.event.InvalidEventException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Request body helpers: gzip with a cap on the decompressed size (a small body may inflate enormously). */
final class RequestBodies {

  private RequestBodies() {}

  /** Decompresses a gzip body if the bytes are gzip (whether or not the server already did), else returns them. */
  static byte[] decoded(byte[] body, long maxBytes) {
    if (body == null || body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(body.length * 4, 1 << 20));
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > maxBytes) {
          throw new InvalidEventException(
              "", "the decompressed body is larger than " + maxBytes + " bytes", InvalidEventException.Reason.TOO_LARGE);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidEventException("", "Content-Encoding is gzip but the body is not valid gzip");
    }
  }
}
