package dev.hl7ferry.converter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
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
}
