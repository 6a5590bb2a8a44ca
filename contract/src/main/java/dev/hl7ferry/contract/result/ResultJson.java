package dev.hl7ferry.contract.result;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Writes and reads {@link ResultEnvelope}. Reading checks the version and every property the
 * converter relies on, naming the property that is wrong and never quoting a value (the body comes
 * from outside and may carry PHI). It does not hash the payload: the reader calls {@code verify} on
 * the bytes it is about to use. Thread-safe.
 */
public final class ResultJson {
  /** The vendor's idempotency key: it becomes part of output ids, never of keys directly. */
  private static final Pattern RESULT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  /** Sites and entry ids become parts of keys and queue names, as in the envelopes. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  private static final Pattern RESULT_TYPE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final int MAX_MSH_FIELD = 256;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ResultJson() {}

  /** The JSON text of {@code result} (properties in declaration order, absent ones left out). */
  public static String write(ResultEnvelope result) {
    if (result.inline() == (result.bucket() != null || result.key() != null)) {
      throw new IllegalArgumentException(
          "result "
              + result.resultId()
              + " must carry either a payload or a bucket and key, not both");
    }
    try {
      return MAPPER.writeValueAsString(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("result " + result.resultId() + " not writable", e);
    }
  }

  /** The result envelope in {@code body}, checked; throws {@link ResultException} naming why. */
  public static ResultEnvelope read(String body) {
    ResultEnvelope r = parse(body);
    if (r.version() == 0) {
      throw new ResultException("result.version is missing");
    }
    if (r.version() != ResultEnvelope.VERSION) {
      throw new ResultException(
          "result version "
              + r.version()
              + " is not supported (this reader knows "
              + ResultEnvelope.VERSION
              + ")");
    }
    matches("resultId", r.resultId(), RESULT_ID, "1-128 of A-Z a-z 0-9 . _ : -");
    matches("site", r.site(), SAFE, "1-128 of A-Z a-z 0-9 . _ -, not starting with a dot");
    correlation(r.correlation());
    matches(
        "resultType", r.resultType(), RESULT_TYPE, "1-64 of A-Z a-z 0-9 . _ -, not a leading dot");
    if (!ResultEnvelope.JSON.equals(r.contentType())
        && !ResultEnvelope.HL7_V2.equals(r.contentType())) {
      throw new ResultException(
          "result.contentType must be " + ResultEnvelope.JSON + " or " + ResultEnvelope.HL7_V2);
    }
    payloadOrClaimCheck(r);
    matches("sha256", r.sha256(), SHA256, "64 lowercase hex digits");
    if (r.size() < 0) {
      throw new ResultException("result.size must not be negative");
    }
    instant(r.submittedAt());
    return r;
  }

  private static ResultEnvelope parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ResultException("result is empty");
    }
    try {
      return MAPPER.readValue(body, ResultEnvelope.class);
    } catch (MismatchedInputException e) {
      // Jackson's messages may quote the offending text, which may be a payload: name the path.
      String path = path(e);
      if (path.equals("payloadBase64")) {
        throw new ResultException("result.payloadBase64 is not base64", e);
      }
      throw new ResultException("result." + path + " has the wrong type", e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new ResultException(
          "result is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
          e);
    }
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      }
    }
    return path.isEmpty() ? "(root)" : path.toString();
  }

  private static void correlation(Correlation c) {
    if (c == null) {
      throw new ResultException("result.correlation is missing");
    }
    boolean message =
        c.sendingApplication() != null || c.sendingFacility() != null || c.controlId() != null;
    if (c.byEntryId() == message) {
      throw new ResultException(
          "result.correlation must have either entryId or sendingApplication, sendingFacility"
              + " and controlId");
    }
    if (c.byEntryId()) {
      matches(
          "correlation.entryId",
          c.entryId(),
          SAFE,
          "1-128 of A-Z a-z 0-9 . _ -, not starting with a dot");
      return;
    }
    mshField("sendingApplication", c.sendingApplication(), true);
    mshField("sendingFacility", c.sendingFacility(), true);
    mshField("controlId", c.controlId(), false);
  }

  private static void mshField(String name, String value, boolean mayBeEmpty) {
    if (value == null || (!mayBeEmpty && value.isEmpty())) {
      throw new ResultException("result.correlation." + name + " is missing");
    }
    if (value.length() > MAX_MSH_FIELD) {
      throw new ResultException(
          "result.correlation." + name + " is longer than " + MAX_MSH_FIELD + " characters");
    }
  }

  private static void payloadOrClaimCheck(ResultEnvelope r) {
    boolean claim = r.bucket() != null || r.key() != null;
    if (r.inline() == claim) {
      throw new ResultException("result must have exactly one of payloadBase64 or bucket and key");
    }
    if (claim && (isBlank(r.bucket()) || isBlank(r.key()))) {
      throw new ResultException(
          "result." + (isBlank(r.bucket()) ? "bucket" : "key") + " is missing");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static void matches(String name, String value, Pattern pattern, String rule) {
    if (value == null) {
      throw new ResultException("result." + name + " is missing");
    }
    if (!pattern.matcher(value).matches()) {
      throw new ResultException("result." + name + " must be " + rule);
    }
  }

  private static void instant(String value) {
    if (value == null) {
      throw new ResultException("result.submittedAt is missing");
    }
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw new ResultException("result.submittedAt must be an ISO-8601 date-time with offset", e);
    }
  }
}
