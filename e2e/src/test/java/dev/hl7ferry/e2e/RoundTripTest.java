package dev.hl7ferry.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.client.AckReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole round trip with every part real: MLLP into the edge, spool, shipping to the local
 * cloud, the converter's handler and templates, the site's outbound queue, the edge's outbound
 * store, MLLP to the sinks. One stack for the class; each test uses its own control ids.
 * Delivery-rule details (AE/AR, wrong MSA-2, bad envelopes, crash) are edge-listener's tests.
 */
class RoundTripTest {
  /**
   * How long a stage may take before the test fails. A quiet machine needs seconds; with eight
   * builds sharing its 2 cores the converter has managed 2–5 messages per second.
   */
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private static final List<String> FACILITIES = List.of("LAB1", "LAB2", "WARD");
  private static FerryStack stack;

  @BeforeAll
  static void start() throws Exception {
    stack = FerryStack.builder().sink("lis").sink("ris").start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aThousandMessagesFromThreeSendersArriveConvertedAtTheirSinksOncePerDestinationInOrder()
      throws Exception {
    int total = 1_000;
    List<String> sent = new ArrayList<>();
    Map<String, String> facilityOf = new HashMap<>();
    List<byte[]> messages = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      String controlId = String.format("RT%04d", i);
      String facility = FACILITIES.get(i % FACILITIES.size());
      // Every fifth an admission: fanned out to lis and ris; the rest lab results for lis.
      messages.add(i % 5 == 0 ? Hl7.adt(controlId, facility) : Hl7.oru(controlId, facility));
      sent.add(controlId);
      facilityOf.put(controlId, facility);
    }
    List<String> admissions =
        sent.stream().filter(id -> Integer.parseInt(id.substring(2)) % 5 == 0).toList();

    List<AckReply> acks = stack.send(messages);
    for (int i = 0; i < total; i++) {
      assertEquals("AA", acks.get(i).code(), sent.get(i));
      assertEquals(sent.get(i), acks.get(i).acknowledgedControlId());
    }

    Await.until(
        PATIENCE, "1,000 outputs at lis", () -> mine(stack.sink("lis"), "RT").size() >= total);
    Await.until(
        PATIENCE,
        "200 outputs at ris",
        () -> mine(stack.sink("ris"), "RT").size() >= admissions.size());
    List<Delivered> lis = mine(stack.sink("lis"), "RT");
    List<Delivered> ris = mine(stack.sink("ris"), "RT");

    // None lost, none twice (a run without failures delivers each output once).
    assertEquals(sent, sorted(inputs(lis)));
    assertEquals(admissions, sorted(inputs(ris)));
    // In order per destination for each sender (the FIFO group of the inbound queue).
    for (String facility : FACILITIES) {
      Predicate<String> from = id -> facilityOf.get(id).equals(facility);
      assertEquals(
          sent.stream().filter(from).toList(),
          inputs(lis).stream().filter(from).toList(),
          "lis, " + facility);
      assertEquals(
          admissions.stream().filter(from).toList(),
          inputs(ris).stream().filter(from).toList(),
          "ris, " + facility);
    }
    // Converted by the route each input matched; each destination's copy has its own control id.
    Map<String, String> lisControlIds = new LinkedHashMap<>();
    for (Delivered d : lis) {
      boolean admission = admissions.contains(d.inputControlId());
      assertEquals(admission ? "ADT^A01^ADT_A01" : "ORU^R01^ORU_R01", d.field("MSH", 9));
      assertEquals(admission ? "adt-to-lis-and-ris" : "lab-to-lis", d.field("ZIN", 3));
      assertEquals(facilityOf.get(d.inputControlId()), d.field("ZIN", 2));
      assertEquals("P" + d.inputControlId() + "^^^E2E^MR", d.field("PID", 3));
      lisControlIds.put(d.inputControlId(), d.controlId());
    }
    for (Delivered d : ris) {
      assertEquals("ADT^A01^ADT_A01", d.field("MSH", 9));
      assertNotEquals(lisControlIds.get(d.inputControlId()), d.controlId());
    }
    assertEquals(total, lisControlIds.values().stream().distinct().count());
  }

  @Test
  void anAdmissionFansOutToBothDestinationsAndADownDestinationDelaysOnlyItsOwnCopy()
      throws Exception {
    Sink ris = stack.sink("ris");
    ris.stop();
    try {
      List<byte[]> messages = new ArrayList<>();
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String controlId = String.format("FO%04d", i);
        messages.add(Hl7.adt(controlId, "WARD"));
        sent.add(controlId);
      }
      assertTrue(stack.send(messages).stream().allMatch(AckReply::positive));
      Await.until(
          PATIENCE, "20 admissions at lis", () -> mine(stack.sink("lis"), "FO").size() >= 20);
      assertEquals(sent, inputs(mine(stack.sink("lis"), "FO")));
      assertEquals(List.of(), mine(ris, "FO"), "ris is down");
      Await.until(
          PATIENCE,
          "ris's copies waiting in the edge's store",
          () -> stack.outboundStore().received() >= 20);
    } finally {
      ris.start();
    }
    Await.until(PATIENCE, "20 admissions at ris", () -> mine(ris, "FO").size() >= 20);
    assertEquals(inputs(mine(stack.sink("lis"), "FO")), inputs(mine(ris, "FO")));
  }

  @Test
  void withTheCloudDownTheLocalBacklogIsDeliveredAndNewMessagesAreAckedAndFollowOnceItIsBack()
      throws Exception {
    Sink ris = stack.sink("ris");
    List<String> before = controlIds("CB", 30);
    List<String> during = controlIds("CD", 30);
    ris.stop();
    try {
      assertTrue(
          stack.send(before.stream().map(id -> Hl7.adt(id, "WARD")).toList()).stream()
              .allMatch(AckReply::positive));
      Await.until(
          PATIENCE, "lis's copies", () -> mine(stack.sink("lis"), "CB").size() >= before.size());
      // ris's copies have left the cloud: they are in the edge's store, waiting for ris.
      Await.until(
          PATIENCE,
          "ris's copies in the edge's store",
          () -> stack.outboundStore().received() >= before.size());
      stack.stopCloud();
      // The edge keeps taking messages (ACK after the spool write) while the cloud is away.
      List<AckReply> acks = stack.send(during.stream().map(id -> Hl7.oru(id, "LAB1")).toList());
      assertTrue(acks.stream().allMatch(a -> a.code().equals("AA")), acks.toString());
    } finally {
      ris.start();
    }
    try {
      Await.until(
          PATIENCE,
          "the backlog at ris with the cloud down",
          () -> mine(ris, "CB").size() >= before.size());
      assertEquals(before, inputs(mine(ris, "CB")));
      assertEquals(during.size(), stack.inboundSpool().received(), "still spooled, not shipped");
      assertEquals(List.of(), mine(stack.sink("lis"), "CD"));
    } finally {
      stack.startCloud();
    }
    Await.until(
        PATIENCE,
        "the messages taken while the cloud was down, at lis",
        () -> mine(stack.sink("lis"), "CD").size() >= during.size());
    assertEquals(during, inputs(mine(stack.sink("lis"), "CD")));
  }

  // --- helpers -------------------------------------------------------------------------------

  private static List<String> controlIds(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(String.format("%s%04d", prefix, i));
    }
    return ids;
  }

  /** What {@code sink} received from inputs whose control id starts with {@code prefix}. */
  private static List<Delivered> mine(Sink sink, String prefix) {
    return sink.received().stream().filter(d -> d.inputControlId().startsWith(prefix)).toList();
  }

  private static List<String> inputs(List<Delivered> delivered) {
    return delivered.stream().map(Delivered::inputControlId).toList();
  }

  private static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }
}
