package dev.hl7ferry.edge.deliver;

import java.nio.charset.StandardCharsets;

/** Small HL7 outputs for delivery tests. */
final class TestOutputs {
  private TestOutputs() {}

  static Output hl7(String destination, String controlId) {
    String text =
        "MSH|^~\\&|FERRY|EDGE|LIS|HOSP|20260308000000||ORU^R01^ORU_R01|"
            + controlId
            + "|P|2.5.1\rPID|1||12345^^^HOSP^MR||DOE^JANE\rOBX|1|NM|GLU||5.4|mmol/L\r";
    return new Output(
        "id-" + controlId,
        destination,
        controlId,
        Output.HL7_V2,
        text.getBytes(StandardCharsets.UTF_8));
  }
}
