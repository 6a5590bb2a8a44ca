package dev.hl7ferry.edge.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.hl7ferry.edge.deliver.DeliveryPolicy;
import dev.hl7ferry.edge.deliver.Destination;
import dev.hl7ferry.edge.deliver.FileDestination;
import dev.hl7ferry.edge.deliver.FileNamePattern;
import dev.hl7ferry.edge.deliver.HttpDestination;
import dev.hl7ferry.edge.deliver.MllpDestination;
import dev.hl7ferry.edge.deliver.OnApplicationError;
import dev.hl7ferry.edge.retry.Backoff;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * The {@code outbound} section: the destinations outputs are delivered to (name to type and
 * settings) and the retry rules. Absent keys take the defaults written beside each accessor.
 *
 * <pre>
 * outbound:
 *   site: north                      # empty: ship.site
 *   queueUrl: https://sqs.../hl7-ferry-outbound-north.fifo
 *   receiptsQueueUrl: https://sqs.../hl7-ferry-receipts.fifo   # empty: receipts stay on disk
 *   waitTimeSeconds: 20              # long poll of one receive
 *   onApplicationError: deadLetter   # or retry (keep retrying an AE/CE or HTTP 4xx forever)
 *   maxAttempts: 3                   # application errors before dead-lettering
 *   retentionHours: 168              # how long ended outputs are kept
 *   initialBackoffMillis: 1000
 *   maxBackoffMillis: 60000
 *   maxUncommitted: 16               # per destination: delivered, not yet recorded (crash resends)
 *   destinations:
 *     hospital-a-lis: {type: mllp, host: 10.0.0.5, port: 2575, connectTimeoutMillis: 5000,
 *                      ackTimeoutMillis: 30000}
 *     tls-lis:        {type: mllp, host: lis.example, port: 2576,
 *                      tls: {enabled: true, caFile: /etc/hl7-ferry/lis-ca.pem}}
 *     archive:        {type: file, dir: /var/lib/ferry/out, fileName: "{timestamp}_{controlId}_{id}.{ext}"}
 *     api:            {type: http, url: "https://h/in", connectTimeoutMillis: 5000,
 *                      requestTimeoutMillis: 30000, headers: {Authorization: LIS_TOKEN}}
 * </pre>
 *
 * HTTP header values name environment variables; the secret itself never sits in the file.
 */
public record OutboundConfig(
    String site,
    String queueUrl,
    String receiptsQueueUrl,
    Integer waitTimeSeconds,
    Map<String, DestinationConfig> destinations,
    String onApplicationError,
    Integer maxAttempts,
    Integer retentionHours,
    Integer initialBackoffMillis,
    Integer maxBackoffMillis,
    Integer maxUncommitted) {

  /**
   * The default bound of delivered outputs per destination that wait for their durable receipt and
   * mark: enough that a destination answering in a fraction of a millisecond never waits for the
   * group commit (~1-2 ms), few enough that a crash resends at most this many to a receiver.
   */
  public static final int DEFAULT_MAX_UNCOMMITTED = 16;

  private static final String NAME = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}";
  private static final JsonMapper MAPPER =
      JsonMapper.builder(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  public OutboundConfig {
    site = site == null ? "" : site;
    queueUrl = queueUrl == null ? "" : queueUrl;
    receiptsQueueUrl = receiptsQueueUrl == null ? "" : receiptsQueueUrl;
    waitTimeSeconds = waitTimeSeconds == null ? 20 : waitTimeSeconds;
    destinations = destinations == null ? Map.of() : new LinkedHashMap<>(destinations);
    onApplicationError = onApplicationError == null ? "deadLetter" : onApplicationError;
    maxAttempts = maxAttempts == null ? DeliveryPolicy.DEFAULT_MAX_ATTEMPTS : maxAttempts;
    retentionHours = retentionHours == null ? 168 : retentionHours;
    initialBackoffMillis = initialBackoffMillis == null ? 1_000 : initialBackoffMillis;
    maxBackoffMillis = maxBackoffMillis == null ? 60_000 : maxBackoffMillis;
    maxUncommitted = maxUncommitted == null ? DEFAULT_MAX_UNCOMMITTED : maxUncommitted;
  }

  /**
   * Reads and validates the {@code outbound} section of a YAML document (absent: no destinations).
   *
   * @throws ConfigException naming the key, e.g. {@code outbound.destinations.lis.port: ...}
   */
  public static OutboundConfig parse(String yaml) throws ConfigException {
    try {
      JsonNode root = MAPPER.readTree(yaml);
      JsonNode section = root == null ? null : root.get("outbound");
      return fromTree(section);
    } catch (JsonProcessingException e) {
      throw new ConfigException("outbound: not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  /** Binds and validates an already read {@code outbound} section (null: defaults). */
  public static OutboundConfig fromTree(JsonNode section) throws ConfigException {
    OutboundConfig config;
    try {
      config =
          section == null || section.isNull()
              ? new OutboundConfig(null, null, null, null, null, null, null, null, null, null, null)
              : MAPPER.treeToValue(section, OutboundConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException("outbound." + path(e) + ": unknown key", e);
    } catch (JsonMappingException e) {
      throw new ConfigException("outbound." + path(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("outbound: " + e.getOriginalMessage(), e);
    }
    List<String> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new ConfigException(String.join("; ", problems), null);
    }
    return config;
  }

  List<String> problems() {
    Problems p =
        new Problems("outbound")
            .require(
                onApplicationError.equals("deadLetter") || onApplicationError.equals("retry"),
                "onApplicationError",
                "must be deadLetter or retry")
            .range("waitTimeSeconds", waitTimeSeconds, 0, 20)
            .require(
                receiptsQueueUrl.isEmpty() || Problems.httpUrl(receiptsQueueUrl),
                "receiptsQueueUrl",
                "must be empty or the queue's http(s) URL")
            .range("maxAttempts", maxAttempts, 1, 1_000)
            .range("retentionHours", retentionHours, 1, 24 * 3_660)
            .range("initialBackoffMillis", initialBackoffMillis, 1, 3_600_000)
            .range(
                "maxBackoffMillis", maxBackoffMillis, Math.max(1, initialBackoffMillis), 3_600_000)
            .range("maxUncommitted", maxUncommitted, 1, 1_000);
    p.require(
        site.isEmpty() || site.matches("[A-Za-z0-9_-]{1,64}"),
        "site",
        "1-64 of A-Z a-z 0-9 _ - (empty: ship.site)");
    List<String> all = new ArrayList<>(p.list());
    destinations.forEach(
        (name, d) -> {
          String key = "outbound.destinations." + name;
          if (!name.matches(NAME)) {
            all.add(key + ": the name must be 1-128 of A-Z a-z 0-9 . _ -, not starting with a dot");
          }
          if (d == null) {
            all.add(key + ": must have a type (mllp, file or http) and its settings");
          } else {
            all.addAll(d.problems(new Problems(key)).list());
          }
        });
    return all;
  }

  /** Whether the outbound half runs: only once a destination is configured. */
  public boolean enabled() {
    return !destinations.isEmpty();
  }

  /** This edge's site for the outbound half: {@code site}, else {@code shipSite}. */
  public String siteOr(String shipSite) {
    return site.isEmpty() ? (shipSite == null ? "" : shipSite) : site;
  }

  /** The retry rules every destination's loop follows. */
  public DeliveryPolicy policy() {
    return new DeliveryPolicy(
        onApplicationError.equals("retry")
            ? OnApplicationError.RETRY
            : OnApplicationError.DEAD_LETTER,
        maxAttempts,
        new Backoff(
            Duration.ofMillis(initialBackoffMillis),
            Duration.ofMillis(maxBackoffMillis),
            () -> ThreadLocalRandom.current().nextDouble()),
        Duration.ofSeconds(1));
  }

  /** How long ended outputs are kept. */
  public Duration retention() {
    return Duration.ofHours(retentionHours);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** One destination's settings, by {@code type}. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = MllpTarget.class, name = "mllp"),
    @JsonSubTypes.Type(value = FileTarget.class, name = "file"),
    @JsonSubTypes.Type(value = HttpTarget.class, name = "http")
  })
  public sealed interface DestinationConfig permits MllpTarget, FileTarget, HttpTarget {
    /** Adds this destination's problems, keys relative to its entry. */
    Problems problems(Problems problems);

    /**
     * The destination, ready to deliver.
     *
     * @param environment read for HTTP header values ({@code System.getenv()} in production)
     * @throws IllegalArgumentException when a named environment variable is not set
     */
    Destination open(String name, Map<String, String> environment, Clock clock);
  }

  /**
   * {@code type: mllp}; timeouts default to 5 s (connect) and 30 s (ACK); {@code tls} (off when
   * left out) is {@link DestinationTlsConfig}.
   */
  public record MllpTarget(
      String host,
      Integer port,
      Integer connectTimeoutMillis,
      Integer ackTimeoutMillis,
      DestinationTlsConfig tls)
      implements DestinationConfig {
    public MllpTarget {
      port = port == null ? 0 : port;
      connectTimeoutMillis = connectTimeoutMillis == null ? 5_000 : connectTimeoutMillis;
      ackTimeoutMillis = ackTimeoutMillis == null ? 30_000 : ackTimeoutMillis;
      tls = tls == null ? DestinationTlsConfig.off() : tls;
    }

    @Override
    public Problems problems(Problems p) {
      p.require(host != null && !host.isBlank(), "host", "must be set")
          .range("port", port, 1, 65_535)
          .range("connectTimeoutMillis", connectTimeoutMillis, 1, 600_000)
          .range("ackTimeoutMillis", ackTimeoutMillis, 1, 3_600_000);
      return tls.problems(p);
    }

    @Override
    public Destination open(String name, Map<String, String> environment, Clock clock) {
      return new MllpDestination(
          name,
          host,
          port,
          Duration.ofMillis(connectTimeoutMillis),
          Duration.ofMillis(ackTimeoutMillis),
          tls.load("outbound.destinations." + name));
    }
  }

  /** {@code type: file}; {@code fileName} defaults to {@value FileNamePattern#DEFAULT}. */
  public record FileTarget(String dir, String fileName) implements DestinationConfig {
    public FileTarget {
      fileName = fileName == null ? FileNamePattern.DEFAULT : fileName;
    }

    @Override
    public Problems problems(Problems p) {
      String problem = FileNamePattern.problem(fileName);
      return p.require(dir != null && !dir.isBlank(), "dir", "must be set")
          .require(problem == null, "fileName", String.valueOf(problem));
    }

    @Override
    public Destination open(String name, Map<String, String> environment, Clock clock) {
      return new FileDestination(name, Path.of(dir), new FileNamePattern(fileName), clock);
    }
  }

  /**
   * {@code type: http}; timeouts default to 5 s (connect) and 30 s (request); {@code headers} maps
   * a header name to the environment variable holding its value.
   */
  public record HttpTarget(
      String url,
      Integer connectTimeoutMillis,
      Integer requestTimeoutMillis,
      Map<String, String> headers)
      implements DestinationConfig {
    private static final List<String> RESERVED =
        List.of("content-type", "content-length", "host", "connection", "expect", "upgrade");

    public HttpTarget {
      connectTimeoutMillis = connectTimeoutMillis == null ? 5_000 : connectTimeoutMillis;
      requestTimeoutMillis = requestTimeoutMillis == null ? 30_000 : requestTimeoutMillis;
      headers = headers == null ? Map.of() : new LinkedHashMap<>(headers);
    }

    @Override
    public Problems problems(Problems p) {
      p.require(Problems.httpUrl(url), "url", "must be an http(s) URL")
          .range("connectTimeoutMillis", connectTimeoutMillis, 1, 600_000)
          .range("requestTimeoutMillis", requestTimeoutMillis, 1, 3_600_000);
      headers.forEach(
          (header, variable) ->
              p.require(
                      !RESERVED.contains(header.toLowerCase(java.util.Locale.ROOT)),
                      "headers." + header,
                      "is set by the edge itself")
                  .require(
                      variable != null && variable.matches("[A-Za-z_][A-Za-z0-9_]*"),
                      "headers." + header,
                      "must name an environment variable (the value is read from it)"));
      return p;
    }

    @Override
    public Destination open(String name, Map<String, String> environment, Clock clock) {
      return new HttpDestination(
          name,
          URI.create(url),
          Duration.ofMillis(connectTimeoutMillis),
          Duration.ofMillis(requestTimeoutMillis),
          headers,
          environment);
    }
  }
}
