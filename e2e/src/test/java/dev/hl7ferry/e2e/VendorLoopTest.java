package dev.hl7ferry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.client.AckReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The vendor's loop through the whole product, all real: ORM^O01 in at the edge over MLLP → spool →
 * local cloud → converter → JSON on the vendor's AI queue → a test AI answers with an {@code
 * ai-score} result on its results queue → the converter finds the original by the correlation and
 * renders the hospital's ORU → the site's outbound queue → the edge → the RIS's MLLP sink.
 */
class VendorLoopTest {
  @Test
  void eachOrderComesBackToTheRisAsAnOruCarryingTheOriginalsNumbersAndTheScore() throws Exception {
    try (FerryStack stack = LoopStore.stack().start();
        TestAi ai = TestAi.start(stack.cloud(), LoopStore.VENDOR)) {
      List<AckReply> acks =
          stack.send(List.of(LoopStore.order(1), LoopStore.order(22), LoopStore.order(333)));
      acks.forEach(ack -> assertEquals("AA", ack.code(), "ACK of an order"));

      Await.until(
          Duration.ofSeconds(60), "3 ORUs at the RIS", () -> stack.sink("ris").count() >= 3);

      Map<String, Delivered> byPlacer = new TreeMap<>();
      stack.sink("ris").received().forEach(d -> byPlacer.put(d.field("ORC", 2), d));
      assertEquals(List.of("PLC1", "PLC22", "PLC333"), List.copyOf(byPlacer.keySet()));
      for (int n : new int[] {1, 22, 333}) {
        Delivered oru = byPlacer.get("PLC" + n);
        assertEquals("ORU^R01^ORU_R01", oru.field("MSH", 9));
        assertEquals("PAT" + n + "^^^E2E^MR", oru.field("PID", 3));
        assertEquals("FIL" + n, oru.field("ORC", 3));
        assertEquals("PLC" + n, oru.field("OBR", 2));
        assertEquals("FIL" + n, oru.field("OBR", 3));
        assertEquals("ACC" + n, oru.field("OBR", 18));
        // The test AI scores an order by its placer number's length: "PLC22" gives 0.5.
        assertEquals(String.valueOf(("PLC" + n).length() / 10.0), oru.field("OBX", 5));
      }
      assertTrue(ai.answered() >= 3, "the AI answered every order");
    }
  }
}
