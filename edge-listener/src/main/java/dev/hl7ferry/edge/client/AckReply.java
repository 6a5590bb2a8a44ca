package dev.hl7ferry.edge.client;

import dev.hl7ferry.core.error.Hl7ParseException;
import dev.hl7ferry.core.message.Hl7Message;
import dev.hl7ferry.core.message.Segment;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The parts of a received acknowledgement a sender checks.
 *
 * @param code MSA-1
 * @param acknowledgedControlId MSA-2
 * @param error ERR-3 or MSA-6 code and text when present, else empty
 */
public record AckReply(String code, String acknowledgedControlId, String error) {

  /** Parses an ACK's bytes. */
  public static AckReply parse(byte[] payload) throws Hl7ParseException {
    Hl7Message ack = Hl7Message.parse(new String(payload, StandardCharsets.ISO_8859_1));
    List<Segment> msa = ack.segments("MSA");
    if (msa.isEmpty()) {
      return new AckReply("", "", "reply has no MSA segment");
    }
    List<Segment> err = ack.segments("ERR");
    String error = !err.isEmpty() ? err.get(0).raw(3) + " " + err.get(0).raw(7) : msa.get(0).raw(3);
    return new AckReply(msa.get(0).value(1), msa.get(0).raw(2), error);
  }

  /** AA or CA. */
  public boolean positive() {
    return code.equals("AA") || code.equals("CA");
  }
}
