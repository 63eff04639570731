package io.watershed.alerts.channel;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 and a free port that records every request and answers as told: the receiver
 * end of a webhook, Slack or Alertmanager, so channel tests go through real sockets. Public for the delivery and
 * end-to-end tests of other packages.
 */
public final class RecordingHttpServer implements AutoCloseable {

  /** One request as received. Header lookups are case-insensitive. */
  public record Recorded(String method, String path, Headers headers, byte[] body) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Reply(int status, Map<String, String> headers, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Reply reply = new Reply(200, Map.of(), "ok".getBytes(StandardCharsets.UTF_8));
  private volatile boolean stalling;

  private RecordingHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static RecordingHttpServer start() {
    try {
      return new RecordingHttpServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every following request gets this answer. */
  public RecordingHttpServer replyWith(int status, Map<String, String> headers, String body) {
    reply = new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Requests are recorded but not answered until the server closes: a receiver that hangs. */
  public RecordingHttpServer stall() {
    stalling = true;
    return this;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  public Recorded onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests.size());
    }
    return requests.get(0);
  }

  /** A loopback URL where nothing listens, for connection-refused tests. */
  public static URI closedPortUri(String path) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      Headers headers = new Headers();
      headers.putAll(exchange.getRequestHeaders());
      requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), headers,
          in.readAllBytes()));
      if (stalling) {
        awaitRelease();
        return;
      }
      Reply answer = reply;
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer.body());
        }
      }
    } catch (IOException clientWentAway) {
      // The client under test may give up (timeouts, bounded reads); that is what some tests want.
    }
  }

  private void awaitRelease() {
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
