package dev.hl7ferry.edge.ship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.contract.envelope.InboundEnvelope;
import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.IncomingMessage;
import dev.hl7ferry.edge.spool.SpoolEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The inline rule, the header bounds and the batch archive format, without a cloud. */
class InlineAndArchiveTest {

  private final ShipSettings settings =
      ShipSettingsBuilder.defaults("north", "bucket-1", "http://q/hl7-ferry-inbound.fifo").build();

  private static List<SpoolEntry> entries(IncomingMessage... messages) {
    InMemorySpool spool = new InMemorySpool();
    Arrays.stream(messages).forEach(spool::add);
    return spool.unshipped(0, messages.length);
  }

  private Shipment ship(SpoolEntry e, int inlineMaxBytes, ArchiveMode archive) {
    return Shipment.of(
        e, ShipSettingsBuilder.from(settings).inline(inlineMaxBytes).archive(archive).build());
  }

  @Test
  void aBodyOfExactlyInlineMaxBytesIsInlineAndOneByteMoreIsAClaimCheck() {
    SpoolEntry e = entries(TestMessages.oru("NORTH", 1, 3000)).get(0);
    int length =
        ship(e, 1_048_576, ArchiveMode.BATCH).body().getBytes(StandardCharsets.UTF_8).length;

    Shipment exactly = ship(e, length, ArchiveMode.BATCH);
    Shipment over = ship(e, length - 1, ArchiveMode.BATCH);

    assertTrue(exactly.inline());
    assertEquals(length, exactly.body().getBytes(StandardCharsets.UTF_8).length);
    InboundEnvelope inline = Shipment.parseEnvelope(exactly.body());
    assertNull(inline.key());
    assertArrayEquals(e.message().payload(), inline.payload());
    assertTrue(exactly.archived());
    assertFalse(exactly.putPerMessage());

    assertFalse(over.inline());
    assertEquals(over.key(), Shipment.parseEnvelope(over.body()).key());
    assertTrue(over.putPerMessage(), "a claim check is always put per message");
    assertFalse(over.archived(), "a claim check is not copied into the batch archive");
  }

  @Test
  void theArchiveModeDecidesWhichInlinePayloadsGetAnObject() {
    SpoolEntry e = entries(TestMessages.oru("NORTH", 1, 500)).get(0);
    Shipment perMessage = ship(e, 65_536, ArchiveMode.PER_MESSAGE);
    Shipment none = ship(e, 65_536, ArchiveMode.NONE);

    assertTrue(perMessage.inline() && perMessage.putPerMessage() && !perMessage.archived());
    assertTrue(none.inline() && !none.putPerMessage() && !none.archived());
  }

  @Test
  void headerFieldsCopiedOutAreBounded() {
    String huge = "\u00e9".repeat(5000);
    IncomingMessage m = TestMessages.oru("NORTH", 1, 500);
    IncomingMessage longHeader =
        new IncomingMessage(
            m.payload(),
            m.charset(),
            huge,
            huge,
            huge,
            huge,
            huge,
            huge,
            huge,
            huge,
            m.peer(),
            m.receivedAt());
    Shipment s = ship(entries(longHeader).get(0), 65_536, ArchiveMode.BATCH);

    int metadataBytes =
        s.metadata().entrySet().stream()
            .mapToInt(
                x ->
                    x.getKey().getBytes(StandardCharsets.UTF_8).length
                        + x.getValue().getBytes(StandardCharsets.UTF_8).length)
            .sum();
    assertTrue(metadataBytes <= 2048, "S3 user metadata is at most 2 KB, was " + metadataBytes);
    InboundEnvelope envelope = Shipment.parseEnvelope(s.body());
    assertEquals(HeaderBounds.ENVELOPE_CHARS, envelope.controlId().length());
    assertEquals(HeaderBounds.ENVELOPE_CHARS, envelope.sendingFacility().length());
    assertTrue(s.groupId().length() <= 128);
    assertEquals(64, s.controlId().length());
  }

  @Test
  void anArchiveIsOneGzipStreamAndEachMemberReadsAloneByItsRange() throws Exception {
    List<SpoolEntry> entries =
        entries(
            TestMessages.oru("NORTH", 1, 400),
            TestMessages.oru("NORTH", 2, 100_000),
            TestMessages.oru("NORTH", 3, 900));
    List<Shipment> round = entries.stream().map(e -> ship(e, 65_536, ArchiveMode.BATCH)).toList();

    ArchiveBatch batch = ArchiveBatch.of("north", round).orElseThrow();

    assertEquals("archive/north/2026/03/07/000000000001-000000000003.hl7.gz", batch.key());
    assertEquals("archive/north/2026/03/07/000000000001-000000000003.index.json", batch.indexKey());
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(entries.get(0).message().payload());
    all.write(entries.get(2).message().payload());
    assertArrayEquals(all.toByteArray(), gunzip(batch.data()), "zcat gives every member in order");

    ArchiveIndex index = ArchiveIndex.parse(batch.index().toJson());
    assertEquals(batch.index(), index);
    ArchiveIndex.Entry third = index.find(entries.get(2).id()).orElseThrow();
    byte[] member =
        Arrays.copyOfRange(
            batch.data(), third.offset().intValue(), (int) (third.offset() + third.length()));
    assertArrayEquals(entries.get(2).message().payload(), gunzip(member));
    assertEquals("CTL3", third.controlId());
    ArchiveIndex.Entry large = index.find(entries.get(1).id()).orElseThrow();
    assertFalse(large.inArchive());
    assertEquals(round.get(1).key(), large.key());
    assertArrayEquals(
        batch.data(), ArchiveBatch.of("north", round).orElseThrow().data(), "same bytes again");
  }

  private static byte[] gunzip(byte[] gzip) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }
}
