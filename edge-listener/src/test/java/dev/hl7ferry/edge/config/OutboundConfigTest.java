package dev.hl7ferry.edge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.deliver.FileDestination;
import dev.hl7ferry.edge.deliver.HttpDestination;
import dev.hl7ferry.edge.deliver.MllpDestination;
import dev.hl7ferry.edge.deliver.OnApplicationError;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutboundConfigTest {
  private static final String FULL =
      """
      outbound:
        onApplicationError: retry
        maxAttempts: 5
        maxUncommitted: 4
        destinations:
          hospital-a-lis: {type: mllp, host: 10.0.0.5, port: 2575, ackTimeoutMillis: 10000}
          archive: {type: file, dir: /tmp/out, fileName: "{controlId}.{ext}"}
          api:
            type: http
            url: https://lis.example/in
            headers: {Authorization: LIS_TOKEN}
      """;

  private static String problem(String yaml) {
    return assertThrows(ConfigException.class, () -> OutboundConfig.parse(yaml)).getMessage();
  }

  @Test
  void everyTypeIsReadWithItsSettingsAndDefaults() throws Exception {
    OutboundConfig c = OutboundConfig.parse(FULL);
    var mllp = (OutboundConfig.MllpTarget) c.destinations().get("hospital-a-lis");
    assertEquals(2575, mllp.port());
    assertEquals(5_000, mllp.connectTimeoutMillis());
    assertEquals(10_000, mllp.ackTimeoutMillis());
    assertEquals(
        "{controlId}.{ext}",
        ((OutboundConfig.FileTarget) c.destinations().get("archive")).fileName());
    var http = (OutboundConfig.HttpTarget) c.destinations().get("api");
    assertEquals(Map.of("Authorization", "LIS_TOKEN"), http.headers());
    assertEquals(OnApplicationError.RETRY, c.policy().onApplicationError());
    assertEquals(5, c.policy().maxAttempts());
    assertEquals(4, c.maxUncommitted());
    assertEquals(Duration.ofHours(168), c.retention());
  }

  @Test
  void withoutTheSectionThereAreNoDestinationsAndTheDefaultRules() throws Exception {
    OutboundConfig c = OutboundConfig.parse("listener: {port: 2575}\n");
    assertTrue(c.destinations().isEmpty());
    assertEquals(OnApplicationError.DEAD_LETTER, c.policy().onApplicationError());
    assertEquals(3, c.policy().maxAttempts());
    assertEquals(OutboundConfig.DEFAULT_MAX_UNCOMMITTED, c.maxUncommitted());
  }

  @Test
  void eachTypeOpensItsDestinationReadingHeaderValuesFromTheEnvironment() throws Exception {
    OutboundConfig c = OutboundConfig.parse(FULL);
    Clock clock = Clock.systemUTC();
    Map<String, String> env = Map.of("LIS_TOKEN", "Bearer x");
    assertInstanceOf(
        MllpDestination.class,
        c.destinations().get("hospital-a-lis").open("hospital-a-lis", env, clock));
    assertInstanceOf(
        FileDestination.class, c.destinations().get("archive").open("archive", env, clock));
    assertInstanceOf(HttpDestination.class, c.destinations().get("api").open("api", env, clock));
    assertThrows(
        IllegalArgumentException.class,
        () -> c.destinations().get("api").open("api", Map.of(), clock));
  }

  @Test
  void badValuesAreReportedWithTheirKeys() {
    String message =
        problem(
            """
            outbound:
              onApplicationError: ignore
              maxAttempts: 0
              maxUncommitted: 0
              destinations:
                lis: {type: mllp, port: 70000}
                out: {type: file, dir: /x, fileName: "{mrn}.hl7"}
                api: {type: http, url: "ftp://x", headers: {Content-Type: CT, X-Key: "not a var"}}
            """);
    for (String expected :
        new String[] {
          "outbound.onApplicationError: must be deadLetter or retry",
          "outbound.maxAttempts: must be between 1 and 1000, was 0",
          "outbound.maxUncommitted: must be between 1 and 1000, was 0",
          "outbound.destinations.lis.host: must be set",
          "outbound.destinations.lis.port: must be between 1 and 65535, was 70000",
          "outbound.destinations.out.fileName: unknown placeholder {mrn}",
          "outbound.destinations.api.url: must be an http(s) URL",
          "outbound.destinations.api.headers.Content-Type: is set by the edge itself",
          "outbound.destinations.api.headers.X-Key: must name an environment variable"
        }) {
      assertTrue(message.contains(expected), "missing '" + expected + "' in: " + message);
    }
  }

  @Test
  void anUnknownKeyOrTypeIsNamed() {
    assertEquals(
        "outbound.destinations.lis.hots: unknown key",
        problem("outbound: {destinations: {lis: {type: mllp, hots: h, port: 1}}}"));
    assertTrue(
        problem("outbound: {destinations: {lis: {type: ftp}}}")
            .startsWith("outbound.destinations.lis: "));
    assertTrue(
        problem("outbound: {destinations: {lis: {host: h}}}")
            .startsWith("outbound.destinations.lis: "));
    assertEquals("outbound.retries: unknown key", problem("outbound: {retries: 3}"));
  }

  @Test
  void aBadDestinationNameIsNamed() {
    assertTrue(
        problem("outbound: {destinations: {.hidden: {type: file, dir: /x}}}")
            .startsWith("outbound.destinations..hidden: the name must be"));
  }
}
