package dev.hl7ferry.e2e;

import java.nio.charset.StandardCharsets;

/**
 * Small input messages for the e2e store's routes: ORU^R01 (to {@code lis}) and ADT^A01 (to {@code
 * lis} and {@code ris}), each from a sending facility (MSH-4, the edge's FIFO group).
 */
public final class Hl7 {
  private Hl7() {}

  /** A lab result with control id {@code controlId} from {@code facility}. */
  public static byte[] oru(String controlId, String facility) {
    return bytes(
        "MSH|^~\\&|LAB|"
            + facility
            + "|FERRY|CLOUD|20261130120000||ORU^R01^ORU_R01|"
            + controlId
            + "|P|2.5.1\rPID|1||P"
            + controlId
            + "\rOBR|1|ORD"
            + controlId
            + "||CBC\rOBX|1|NM|WBC^White cells^L||6.1|10*9/L|4.0-10.0|N|||F\r");
  }

  /** An admission with control id {@code controlId} from {@code facility}. */
  public static byte[] adt(String controlId, String facility) {
    return bytes(
        "MSH|^~\\&|ADT|"
            + facility
            + "|FERRY|CLOUD|20261130120000||ADT^A01^ADT_A01|"
            + controlId
            + "|P|2.5.1\rEVN|A01|20261130120000\rPID|1||P"
            + controlId
            + "\rPV1|1|I|WARD^1^A\r");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
