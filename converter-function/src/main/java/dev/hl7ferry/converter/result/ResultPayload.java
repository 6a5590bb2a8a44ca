package dev.hl7ferry.converter.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hl7ferry.contract.result.ResultEnvelope;
import dev.hl7ferry.core.charset.CharsetPolicy;
import dev.hl7ferry.core.charset.MessageDecoder;
import dev.hl7ferry.core.error.Hl7ParseException;

/**
 * A verified result payload as templates see it: JSON as maps, lists, strings, numbers and
 * booleans; HL7 v2 as a parsed message. A payload that does not parse fails with a reason naming
 * the position or error code, never the text.
 */
public final class ResultPayload {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MessageDecoder DECODER = new MessageDecoder(CharsetPolicy.DEFAULT);

  private ResultPayload() {}

  /** The template value of {@code bytes} for {@code contentType}. */
  public static Object parse(String contentType, byte[] bytes) throws BadResultException {
    if (ResultEnvelope.HL7_V2.equals(contentType)) {
      try {
        return DECODER.decode(bytes).message();
      } catch (Hl7ParseException e) {
        throw new BadResultException(
            "result payload is not HL7: error "
                + e.error().code().code()
                + (e.error().location() == null ? "" : " at " + e.error().location()),
            e);
      }
    }
    try {
      Object value = JSON.readValue(bytes, Object.class);
      if (value == null) {
        throw new BadResultException("result payload is JSON null", null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new BadResultException(
          "result payload is not valid JSON"
              + (e.getLocation() == null
                  ? ""
                  : " (line "
                      + e.getLocation().getLineNr()
                      + ", column "
                      + e.getLocation().getColumnNr()
                      + ")"),
          e);
    } catch (java.io.IOException e) {
      throw new BadResultException("result payload not readable", e);
    }
  }
}
