package dev.hl7ferry.edge.ship;

import dev.hl7ferry.edge.spool.IncomingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Synthetic ORU^R01 messages for shipper tests (no real patient data). */
public final class TestMessages {

  public static final Instant RECEIVED = Instant.parse("2026-03-07T23:59:58.123Z");

  private TestMessages() {}

  /** An ORU^R01 of about {@code size} bytes from {@code facility} with control id {@code n}. */
  public static IncomingMessage oru(String facility, int n, int size) {
    StringBuilder text =
        new StringBuilder()
            .append("MSH|^~\\&|LAB|")
            .append(facility)
            .append("|FERRY|HOSP|20260307235958||ORU^R01^ORU_R01|CTL")
            .append(n)
            .append("|P|2.5.1\r")
            .append("PID|1||PAT")
            .append(n)
            .append("^^^HOSP^MR||DOE^JANE||19700101|F\r")
            .append("OBR|1||ORD")
            .append(n)
            .append("|1234-5^GLUCOSE^LN\r");
    int obx = 1;
    while (text.length() < size) {
      text.append("OBX|").append(obx++).append("|NM|2345-7^GLUCOSE^LN||98|mg/dL|70-99|N|||F\r");
    }
    return new IncomingMessage(
        text.toString().getBytes(StandardCharsets.UTF_8),
        "UTF-8",
        "LAB",
        facility,
        "FERRY",
        "HOSP",
        "ORU^R01^ORU_R01",
        "CTL" + n,
        "P",
        "2.5.1",
        "10.0.0.7:40000",
        RECEIVED.plusMillis(n));
  }
}
