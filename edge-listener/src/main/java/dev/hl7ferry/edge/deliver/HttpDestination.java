package dev.hl7ferry.edge.deliver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers outputs by HTTP POST with the output's content type. 2xx is delivered; 408, 429, 5xx, a
 * timeout or an I/O error is transient; any other status (4xx, and 3xx since redirects are not
 * followed) is an application error. Extra headers take their values from environment variables
 * named in the configuration, so secrets never sit in the file; the values are read once, here. The
 * response body is not kept (it may echo patient data).
 */
public final class HttpDestination implements Destination {
  private final String name;
  private final URI url;
  private final Duration requestTimeout;
  private final Map<String, String> headers;
  private final HttpClient client;

  /**
   * @param headerVariables header name to the name of the environment variable holding its value
   * @param environment the environment to read them from ({@code System.getenv()} in production)
   * @throws IllegalArgumentException naming the header and variable when a variable is not set
   */
  public HttpDestination(
      String name,
      URI url,
      Duration connectTimeout,
      Duration requestTimeout,
      Map<String, String> headerVariables,
      Map<String, String> environment) {
    this.name = name;
    this.url = url;
    this.requestTimeout = requestTimeout;
    this.headers = resolve(name, headerVariables, environment);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private static Map<String, String> resolve(
      String name, Map<String, String> variables, Map<String, String> environment) {
    Map<String, String> resolved = new LinkedHashMap<>();
    variables.forEach(
        (header, variable) -> {
          String value = environment.get(variable);
          if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(
                "destination "
                    + name
                    + ": header "
                    + header
                    + " needs environment variable "
                    + variable
                    + ", which is not set");
          }
          resolved.put(header, value);
        });
    return Map.copyOf(resolved);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DeliveryResult deliver(Output output) throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(requestTimeout)
            .header("Content-Type", output.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(output.payload()));
    headers.forEach(request::header);
    HttpResponse<Void> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      return DeliveryResult.transientFailure("POST " + url + " failed: " + e);
    }
    return judge(response.statusCode());
  }

  /** What an HTTP status means for delivery. */
  static DeliveryResult judge(int status) {
    String detail = "HTTP " + status;
    if (status >= 200 && status < 300) {
      return DeliveryResult.delivered(detail);
    }
    if (status == 408 || status == 429 || status >= 500) {
      return DeliveryResult.transientFailure(detail);
    }
    return DeliveryResult.applicationError(detail);
  }

  @Override
  public void close() {
    // HttpClient has no close on Java 17; its connections are released when it is collected.
  }
}
