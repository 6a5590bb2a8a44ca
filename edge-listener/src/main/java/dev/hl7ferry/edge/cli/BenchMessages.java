package dev.hl7ferry.edge.cli;

import java.nio.charset.StandardCharsets;

/** Generates the bench's ORU^R01 messages: one template padded to a size, a control id each. */
final class BenchMessages {
  private final String head;
  private final String tail;

  BenchMessages(int size) {
    this.head = "MSH|^~\\&|BENCH|LAB|FERRY|EDGE|20260101120000||ORU^R01^ORU_R01|";
    String body =
        "|P|2.5.1\r"
            + "PID|1||4711^^^HOSP^MR||DOE^JANE^Q||19700101|F|||1 MAIN ST^^TOWN^^12345\r"
            + "OBR|1|ORD1|FIL1|24331-1^LIPID PANEL^LN|||20260101110000\r"
            + "OBX|1|NM|2093-3^CHOLESTEROL^LN||196|mg/dL|<200||||F\r"
            + "OBX|2|TX|NOTE^COMMENT^L||";
    int pad = Math.max(0, size - head.length() - 12 - body.length() - 6);
    this.tail = body + "x".repeat(pad) + "||||||F\r";
  }

  /** The message with control id {@code controlId}. */
  byte[] message(String controlId) {
    return (head + controlId + tail).getBytes(StandardCharsets.ISO_8859_1);
  }
}
