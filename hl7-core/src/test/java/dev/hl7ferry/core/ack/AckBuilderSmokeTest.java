package dev.hl7ferry.core.ack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.core.message.Hl7Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AckBuilderSmokeTest {
  private final AckBuilder builder =
      new AckBuilder(
          new ControlIds("T"),
          Clock.fixed(Instant.parse("2026-11-22T04:00:00.005Z"), ZoneOffset.UTC));

  @Test
  void acceptSwapsSenderAndReceiverAndEchoesControlId() throws Exception {
    Hl7Message m =
        Hl7Message.parse(
            "MSH|^~\\&|LAB^1.2^ISO|HOSP|EHR|HOSP2|20260101||ORU^R01^ORU_R01|CTRL1|P|2.5.1\rPID|1\r");
    Ack ack = builder.accept(m.header());
    assertEquals(
        "MSH|^~\\&|EHR|HOSP2|LAB^1.2^ISO|HOSP|20261122040000.005+0000||ACK^R01^ACK|T1|P|2.5.1\r"
            + "MSA|AA|CTRL1\r",
        ack.text());
    assertTrue(ack.code().positive());
    assertEquals("Doe", Hl7Message.parse("MSH|^~\\&|\rPID|1||||Doe^John\r").get("PID-5.1"));
  }
}
