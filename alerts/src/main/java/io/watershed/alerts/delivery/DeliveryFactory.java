package io.watershed.alerts.delivery;

import io.micronaut.context.annotation.Factory;
import io.watershed.alerts.channel.ChannelRegistry;
import io.watershed.alerts.routing.RouteResolver;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HexFormat;

/** Wires this replica's delivery worker. */
@Factory
public class DeliveryFactory {

  @Singleton
  DeliveryWorker deliveryWorker(
      OutboxStore outbox,
      ChannelRegistry channels,
      RouteResolver routes,
      DeliverySettings settings,
      InstantSource clock,
      DeliveryMetrics metrics) {
    SecureRandom random = new SecureRandom();
    String workerId = settings.workerId() != null ? settings.workerId() : defaultWorkerId(random);
    Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), random);
    return new DeliveryWorker(outbox, channels, routes, settings, backoff, clock, metrics, workerId);
  }

  /** Host name plus a random suffix: unique per process, readable in the outbox's lease owners. */
  static String defaultWorkerId(SecureRandom random) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "watershed";
    }
    byte[] suffix = new byte[3];
    random.nextBytes(suffix);
    return host + "-" + HexFormat.of().formatHex(suffix);
  }
}
