package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EntryIdTest {

  private static IncomingMessage message(
      String application, String facility, String controlId, String payload, String peer) {
    return new IncomingMessage(
        payload.getBytes(StandardCharsets.UTF_8),
        "UTF-8",
        application,
        facility,
        "RECV",
        "RECVFAC",
        "ADT^A01",
        controlId,
        "P",
        "2.5",
        peer,
        Instant.EPOCH);
  }

  @Test
  void sameSenderControlIdAndBytesGiveTheSameIdWhateverElseDiffers() {
    String id = EntryId.of(message("LAB", "HOSP", "1", "MSH|x", "10.0.0.1:1"));

    assertEquals(id, EntryId.of(message("LAB", "HOSP", "1", "MSH|x", "10.0.0.2:2")));
  }

  @Test
  void fieldBoundariesCannotBeShiftedToForgeTheSameId() {
    assertNotEquals(
        EntryId.of(message("AB", "C", "1", "MSH", "p")),
        EntryId.of(message("A", "BC", "1", "MSH", "p")));
    assertNotEquals(
        EntryId.of(message("LAB", "HOSP", "12", "3MSH", "p")),
        EntryId.of(message("LAB", "HOSP", "123", "MSH", "p")));
  }

  @Test
  void anyChangeOfBytesOrControlIdChangesTheId() {
    String id = EntryId.of(message("LAB", "HOSP", "1", "MSH|x", "p"));

    assertNotEquals(id, EntryId.of(message("LAB", "HOSP", "1", "MSH|y", "p")));
    assertNotEquals(id, EntryId.of(message("LAB", "HOSP", "2", "MSH|x", "p")));
  }

  @Test
  void idIsStableAcrossReleasesForAKnownInput() {
    // Pinned so a change of the id format (which would break deduplication downstream) is seen.
    assertEquals(
        EntryId.of(message("LAB", "HOSP", "1", "MSH|x", "p")),
        EntryIdTest.expectedFor("LAB", "HOSP", "1", "MSH|x"));
  }

  /** The documented format, computed independently of {@link EntryId}. */
  static String expectedFor(String application, String facility, String controlId, String payload) {
    try {
      var digest = java.security.MessageDigest.getInstance("SHA-256");
      var out = new java.io.ByteArrayOutputStream();
      out.write("hl7ferry-spool-entry-v1".getBytes(StandardCharsets.US_ASCII));
      for (String part : new String[] {application, facility, controlId, payload}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.write(bytes);
      }
      return java.util.HexFormat.of().formatHex(digest.digest(out.toByteArray()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
