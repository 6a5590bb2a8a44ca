package dev.hl7ferry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hl7ferry.edge.client.AckReply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: one message through every part, and a sink restarted on its port. */
class FerryStackTest {

  @Test
  void aLabResultSentToTheEdgeArrivesConvertedAtTheLisSink() throws Exception {
    try (FerryStack stack = FerryStack.builder().sink("lis").start()) {
      List<AckReply> acks = stack.send(List.of(Hl7.oru("SMOKE1", "LAB")));
      assertEquals("AA", acks.get(0).code());
      assertEquals("SMOKE1", acks.get(0).acknowledgedControlId());
      Await.until(
          Duration.ofSeconds(30), "the output at lis", () -> stack.sink("lis").count() == 1);
      Delivered out = stack.sink("lis").received().get(0);
      assertEquals("SMOKE1", out.inputControlId());
      assertEquals("FERRY", out.field("MSH", 3));
      assertEquals("ORU^R01^ORU_R01", out.field("MSH", 9));
    }
  }
}
