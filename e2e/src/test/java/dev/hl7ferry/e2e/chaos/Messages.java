package dev.hl7ferry.e2e.chaos;

import java.nio.charset.StandardCharsets;

/**
 * The ADT^A01 messages the senders send: control id {@code {scenario}-{sender}-{n}}, a PID-7 birth
 * date the converter's template reformats. A message "bad by design" carries a PID-7 that is not a
 * date (its render fails for real) and comes from a facility of its own, so its FIFO group holds
 * only itself while SQS redelivers it to the dead-letter queue (a second bad message in the same
 * group would wait behind the first for maxReceiveCount visibility timeouts before it is tried).
 */
final class Messages {
  static final String BAD_FACILITY = "BADDATA";

  private Messages() {}

  /** A message of about {@code size} bytes (at least the header and PID). */
  static byte[] adt(String controlId, int sender, boolean bad, int size) {
    String facility = bad ? BAD_FACILITY + "-" + controlId : "CHAOS" + sender;
    String birth = bad ? "NOTADATE" : "19700101";
    StringBuilder m = new StringBuilder(Math.max(size, 200));
    m.append("MSH|^~\\&|CHAOS|")
        .append(facility)
        .append("|FERRY|CLOUD|20261130080000||ADT^A01^ADT_A01|")
        .append(controlId)
        .append("|P|2.5.1\r");
    m.append("PID|1||").append(controlId).append("^^^CHAOS^MR||DOE^JANE||").append(birth);
    m.append("|F\r");
    if (m.length() < size) {
      m.append("NTE|1||");
      while (m.length() < size - 1) {
        m.append('x');
      }
      m.append('\r');
    }
    return m.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** MSA-1 of an ACK (AA, AE, AR, CA, CE, CR), or "??" when there is none. */
  static String ackCode(byte[] ack) {
    String text = new String(ack, StandardCharsets.ISO_8859_1);
    int msa = text.indexOf("MSA|");
    return msa < 0 || text.length() < msa + 6 ? "??" : text.substring(msa + 4, msa + 6);
  }

  /** ERR-3.1 (the table 0357 code) of a NAK, or "" when it has none. */
  static String errorCode(byte[] ack) {
    String text = new String(ack, StandardCharsets.ISO_8859_1);
    int err = text.indexOf("\rERR|");
    if (err < 0) {
      return "";
    }
    String[] fields = text.substring(err + 1).split("[\r|]", -1);
    return fields.length > 3 ? fields[3].split("\\^", -1)[0] : "";
  }
}
