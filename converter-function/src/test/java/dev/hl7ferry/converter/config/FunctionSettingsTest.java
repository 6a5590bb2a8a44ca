package dev.hl7ferry.converter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunctionSettingsTest {

  private static FunctionSettings with(String inlineMaxBytes) {
    return FunctionSettings.fromEnvironment(
        Map.of("FERRY_BUCKET", "b", "FERRY_INLINE_MAX_BYTES", inlineMaxBytes));
  }

  @Test
  void theInlineLimitDefaultsToOneSqsBillingChunk() {
    assertEquals(
        65_536, FunctionSettings.fromEnvironment(Map.of("FERRY_BUCKET", "b")).inline().maxBytes());
  }

  @Test
  void theInlineLimitIsReadUpToOneMebibyte() {
    assertEquals(1_048_576, with("1048576").inline().maxBytes());
    assertEquals(0, with(" 0 ").inline().maxBytes());
  }

  @Test
  void anInlineLimitAboveSqsOrNotANumberIsRefusedNamingTheVariable() {
    assertEquals(
        "FERRY_INLINE_MAX_BYTES must be a whole number of bytes from 0 to 1048576, was 1048577",
        assertThrows(IllegalArgumentException.class, () -> with("1048577")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> with("64k"));
    assertThrows(IllegalArgumentException.class, () -> with("-1"));
  }

  @Test
  void renderTimeoutAndInputLimitHaveDefaultsAndAreRead() {
    FunctionSettings defaults = FunctionSettings.fromEnvironment(Map.of("FERRY_BUCKET", "b"));
    assertEquals(Duration.ofSeconds(5), defaults.renderTimeout());
    assertEquals(16L * 1024 * 1024, defaults.maxInputBytes());
    FunctionSettings set =
        FunctionSettings.fromEnvironment(
            Map.of(
                "FERRY_BUCKET", "b",
                "FERRY_RENDER_TIMEOUT", "PT0.5S",
                "FERRY_MAX_INPUT_BYTES", "1000"));
    assertEquals(Duration.ofMillis(500), set.renderTimeout());
    assertEquals(1000, set.maxInputBytes());
  }

  @Test
  void aBadRenderTimeoutOrInputLimitIsRefusedNamingTheVariable() {
    for (Map<String, String> env :
        List.of(
            Map.of("FERRY_BUCKET", "b", "FERRY_RENDER_TIMEOUT", "5s"),
            Map.of("FERRY_BUCKET", "b", "FERRY_RENDER_TIMEOUT", "PT0S"),
            Map.of("FERRY_BUCKET", "b", "FERRY_MAX_INPUT_BYTES", "16M"),
            Map.of("FERRY_BUCKET", "b", "FERRY_MAX_INPUT_BYTES", "0"))) {
      String message =
          assertThrows(IllegalArgumentException.class, () -> FunctionSettings.fromEnvironment(env))
              .getMessage();
      String name = env.keySet().stream().filter(k -> !k.equals("FERRY_BUCKET")).findFirst().get();
      assertTrue(message.startsWith(name), message);
    }
  }

  @Test
  void theResultsQueuePatternDefaultsToTheFixedPrefixAndIsReadFromTheStacksVariable() {
    assertEquals(
        "hl7-ferry-results-{vendor}",
        FunctionSettings.fromEnvironment(Map.of("FERRY_BUCKET", "b")).resultsQueue());
    assertEquals(
        "ferry-prod-results-{vendor}",
        FunctionSettings.fromEnvironment(
                Map.of("FERRY_BUCKET", "b", "FERRY_RESULTS_QUEUE", "ferry-prod-results-{vendor}"))
            .resultsQueue());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    FunctionSettings.fromEnvironment(
                        Map.of("FERRY_BUCKET", "b", "FERRY_RESULTS_QUEUE", "ferry-results")))
            .getMessage()
            .startsWith("FERRY_RESULTS_QUEUE must contain {vendor} once"));
  }

  @Test
  void vendorSitesAreReadPerVendorAndAbsentWhereTheDeploymentSetsNone() {
    FunctionSettings s =
        FunctionSettings.fromEnvironment(
            Map.of(
                "FERRY_BUCKET", "b",
                "FERRY_VENDOR_SITES_ACME_AI", "north, south-2,",
                "FERRY_VENDOR_SITES_BETA", ""));
    assertEquals(Set.of("north", "south-2"), s.deployedSites("acme-ai"));
    assertEquals(Set.of(), s.deployedSites("beta"), "set but empty allows no site");
    assertNull(s.deployedSites("gamma"));
  }
}
