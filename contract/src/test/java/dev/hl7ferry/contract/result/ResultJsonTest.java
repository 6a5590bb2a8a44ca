package dev.hl7ferry.contract.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.PayloadMismatchException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResultJsonTest {
  static final String ENTRY_ID = "3f7c9a0e5b1d2c4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e";
  static final byte[] SCORE =
      "{\"score\":0.87,\"finding\":\"nodule\",\"model\":\"demo-ai-1\"}"
          .getBytes(StandardCharsets.UTF_8);

  static ResultEnvelope inline() {
    return ResultEnvelope.inline(
        "demo-ai:2026-11-30:000123",
        "hospital-a",
        Correlation.ofEntryId(ENTRY_ID),
        "ai-score",
        ResultEnvelope.JSON,
        "2026-11-30T08:00:00.250Z",
        SCORE);
  }

  static ResultEnvelope claimCheck() {
    return ResultEnvelope.claimCheck(
        "demo-ai.report-77",
        "hospital-a",
        Correlation.ofMessage("RIS", "HOSP_A", "ORM0001"),
        "ai-report",
        ResultEnvelope.HL7_V2,
        "2026-11-30T08:00:01Z",
        "vendor-results",
        "demo-ai/report-77.hl7",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        4);
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = ResultJsonTest.class.getResourceAsStream("/result/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  @Test
  void anInlineResultIsWrittenExactlyAsTheGoldenFixtureAndReadBack() throws IOException {
    assertEquals(fixture("result-v1-inline.json"), ResultJson.write(inline()));
    ResultEnvelope read = ResultJson.read(fixture("result-v1-inline.json"));
    assertEquals(inline(), read);
    assertTrue(read.correlation().byEntryId());
    read.verify(SCORE);
  }

  @Test
  void aClaimCheckResultCorrelatedByMshIsWrittenExactlyAsTheGoldenFixture() throws IOException {
    assertEquals(fixture("result-v1-claim-check.json"), ResultJson.write(claimCheck()));
    ResultEnvelope read = ResultJson.read(fixture("result-v1-claim-check.json"));
    assertEquals(claimCheck(), read);
    assertFalse(read.correlation().byEntryId());
    read.verify("test".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void unknownPropertiesAreIgnored() throws IOException {
    String body =
        fixture("result-v1-inline.json").replace("{\"version\":1,", "{\"x\":[1],\"version\":1,");
    assertEquals(inline(), ResultJson.read(body));
  }

  @Test
  void bytesThatAreNotThePayloadFailVerifyNamingBothDigestsButNoContent() {
    byte[] other = "{\"score\":0.12}".getBytes(StandardCharsets.UTF_8);
    PayloadMismatchException e =
        assertThrows(PayloadMismatchException.class, () -> inline().verify(other));
    assertTrue(e.getMessage().contains(inline().sha256()), e.getMessage());
    assertFalse(e.getMessage().contains("score"), e.getMessage());
  }

  @Test
  void aResultWithBothPayloadAndClaimCheckIsNotWritten() {
    ResultEnvelope both =
        new ResultEnvelope(
            1,
            "r1",
            "s",
            Correlation.ofEntryId("e"),
            "t",
            ResultEnvelope.JSON,
            "b",
            "k",
            inline().sha256(),
            SCORE.length,
            "2026-11-30T08:00:00Z",
            SCORE);
    assertThrows(IllegalArgumentException.class, () -> ResultJson.write(both));
  }

  /** Bodies the reader refuses (and the schema too), each with the text its message names. */
  static Stream<Arguments> refused() throws IOException {
    String ok = fixture("result-v1-inline.json");
    String claim = fixture("result-v1-claim-check.json");
    return Stream.of(
        Arguments.of("not JSON", "{\"version\":1,", "not valid JSON"),
        Arguments.of("version 2", ok.replace("\"version\":1", "\"version\":2"), "version 2"),
        Arguments.of("no version", ok.replace("\"version\":1,", ""), "result.version is missing"),
        Arguments.of(
            "resultId with a slash",
            ok.replace("demo-ai:2026-11-30:000123", "a/b"),
            "result.resultId must be"),
        Arguments.of(
            "resultId too long",
            ok.replace("demo-ai:2026-11-30:000123", "x".repeat(129)),
            "result.resultId must be"),
        Arguments.of("site with a dot first", ok.replace("hospital-a", ".."), "result.site"),
        Arguments.of(
            "no correlation",
            ok.replace("\"correlation\":{\"entryId\":\"" + ENTRY_ID + "\"},", ""),
            "result.correlation is missing"),
        Arguments.of(
            "both correlation forms",
            ok.replace("\"entryId\":", "\"controlId\":\"C1\",\"entryId\":"),
            "result.correlation must have either"),
        Arguments.of(
            "correlation without controlId",
            claim.replace(",\"controlId\":\"ORM0001\"", ""),
            "result.correlation.controlId is missing"),
        Arguments.of(
            "unknown content type",
            ok.replace("application/json", "text/plain"),
            "result.contentType must be"),
        Arguments.of(
            "payload and claim check",
            ok.replace("\"sha256\"", "\"bucket\":\"b\",\"key\":\"k\",\"sha256\""),
            "exactly one of payloadBase64 or bucket and key"),
        Arguments.of(
            "neither payload nor claim check",
            claim.replace("\"bucket\":\"vendor-results\",\"key\":\"demo-ai/report-77.hl7\",", ""),
            "exactly one of payloadBase64 or bucket and key"),
        Arguments.of(
            "sha256 in upper case",
            ok.replace(inline().sha256(), inline().sha256().toUpperCase()),
            "result.sha256 must be"),
        Arguments.of("negative size", ok.replace("\"size\":53", "\"size\":-1"), "size"),
        Arguments.of(
            "submittedAt without offset",
            ok.replace("2026-11-30T08:00:00.250Z", "2026-11-30 08:00"),
            "result.submittedAt"),
        Arguments.of(
            "payload not base64",
            ok.replaceAll("\"payloadBase64\":\"[^\"]*\"", "\"payloadBase64\":\"PHI*PHI\""),
            "result.payloadBase64 is not base64"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aBadResultIsRefusedNamingThePropertyNeverItsValue(
      String what, String body, String expected) {
    ResultException e = assertThrows(ResultException.class, () -> ResultJson.read(body));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("PHI"), e.getMessage());
  }

  @Test
  void aBodyCutInsideAValueIsInvalidJsonNotAWrongType() {
    ResultException e =
        assertThrows(
            ResultException.class, () -> ResultJson.read("{\"version\":1,\"resultId\":\"PHI"));
    assertTrue(e.getMessage().startsWith("result is not valid JSON"), e.getMessage());
    assertFalse(e.getMessage().contains("PHI"), e.getMessage());
  }

  @Test
  void anEmptyBodyIsRefused() {
    assertThrows(ResultException.class, () -> ResultJson.read(" "));
  }
}
