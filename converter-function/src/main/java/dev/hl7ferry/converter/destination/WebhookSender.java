package dev.hl7ferry.converter.destination;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts outputs to {@link CloudDestination.Https} webhooks: the body as rendered, {@code
 * Content-Type}, {@code Ferry-Delivery-Id}, {@code Ferry-Entry-Id}, {@code Ferry-Site}, {@code
 * Ferry-Timestamp} and {@code Ferry-Signature} ({@link WebhookSignature}). A 2xx answer is a
 * delivery; anything else, a timeout or a connection failure throws. Redirects are not followed.
 * Errors name the destination and the status, never the answer's body.
 */
public final class WebhookSender implements CloudSender {
  private final Clock clock;
  private final SecretSource secrets;
  private final ConcurrentHashMap<Duration, HttpClient> clients = new ConcurrentHashMap<>();

  /** Keys from {@code secretEnv} only: a {@code secretArn} webhook fails its records. */
  public WebhookSender(Clock clock) {
    this(clock, SecretSource.NONE);
  }

  /**
   * @param secrets reads {@code secretArn} keys (wrap it in {@link CachedSecrets})
   */
  public WebhookSender(Clock clock, SecretSource secrets) {
    this.clock = clock;
    this.secrets = secrets;
  }

  @Override
  public void send(CloudDestination destination, Delivery delivery) throws IOException {
    if (!(destination instanceof CloudDestination.Https hook)) {
      throw new IllegalArgumentException("not a webhook: " + destination.name());
    }
    byte[] key = key(hook);
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(hook.url())
            .timeout(hook.timeout())
            .header("Content-Type", delivery.contentType() + "; charset=utf-8")
            .header("Ferry-Delivery-Id", delivery.deliveryId())
            .header("Ferry-Entry-Id", delivery.entryId())
            .header("Ferry-Site", delivery.site())
            .header("Ferry-Timestamp", Long.toString(timestamp))
            .header("Ferry-Signature", WebhookSignature.sign(key, timestamp, delivery.body()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
            .build();
    HttpResponse<Void> response;
    try {
      response =
          client(hook.connectTimeout()).send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpTimeoutException e) {
      throw new IOException("webhook " + hook.name() + " timed out", e);
    } catch (IOException e) {
      throw new IOException(
          "webhook " + hook.name() + " not reachable (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while posting to webhook " + hook.name(), e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new IOException("webhook " + hook.name() + " answered HTTP " + status);
    }
  }

  private byte[] key(CloudDestination.Https hook) throws IOException {
    if (hook.key() instanceof WebhookKey.FromEnv env) {
      return env.bytes();
    }
    WebhookKey.FromSecret secret = (WebhookKey.FromSecret) hook.key();
    try {
      return secrets.read(secret.arn());
    } catch (IOException e) {
      throw new IOException("webhook " + hook.name() + ": key not readable", e);
    }
  }

  private HttpClient client(Duration connectTimeout) {
    return clients.computeIfAbsent(
        connectTimeout,
        t ->
            HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
  }
}
