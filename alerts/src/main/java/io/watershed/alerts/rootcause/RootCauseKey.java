package io.watershed.alerts.rootcause;

import io.watershed.alerts.channel.RootCauseKind;
import io.watershed.graph.impact.CauseKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The identity of a problem: what kind of failure, on which node. Alerts are grouped by it, and its
 * {@link #fingerprint()} names the group, so the same failure reported again lands in the same alert.
 *
 * @param nodeId the failing node, e.g. {@code job:airflow:etl.orders_daily} or {@code dataset:bq:shop.orders}
 */
public record RootCauseKey(RootCauseKind kind, String nodeId) {

  public RootCauseKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(nodeId, "nodeId");
  }

  /** The graph module's name for the same kind of problem. */
  public static RootCauseKey of(CauseKind kind, String nodeId) {
    return new RootCauseKey(RootCauseKind.valueOf(kind.name()), nodeId);
  }

  /** 16 hex digits of SHA-256 over kind and node: stable across restarts, replicas and versions. */
  public String fingerprint() {
    return hash(kind.name() + '\u0000' + nodeId);
  }

  /** 16 hex digits of SHA-256 of {@code text}: short, stable ids for keys built from several parts. */
  public static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
