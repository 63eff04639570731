package io.watershed.alerts.channel;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@code limit} bytes of a response body as UTF-8 text, then cancels the rest. Response bodies only
 * feed error messages, so a receiver that answers with megabytes (or never stops) costs us nothing.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<String> {

  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<String> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  BoundedBodySubscriber(int limit) {
    this.limit = limit;
  }

  static HttpResponse.BodyHandler<String> handler(int limit) {
    return responseInfo -> new BoundedBodySubscriber(limit);
  }

  @Override
  public CompletionStage<String> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (limit == 0) {
      finish();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return; // signals may still arrive after cancel()
    }
    for (ByteBuffer item : items) {
      int take = Math.min(item.remaining(), limit - buffer.size());
      byte[] bytes = new byte[take];
      item.get(bytes);
      buffer.write(bytes, 0, take);
      if (buffer.size() >= limit) {
        finish();
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    body.complete(buffer.toString(StandardCharsets.UTF_8));
  }

  private void finish() {
    subscription.cancel();
    body.complete(buffer.toString(StandardCharsets.UTF_8));
  }
}
