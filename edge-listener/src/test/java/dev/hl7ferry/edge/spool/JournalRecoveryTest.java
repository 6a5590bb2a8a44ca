package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.SpoolSettings.AnswerAt;
import dev.hl7ferry.edge.spool.journal.JournalRecord;
import dev.hl7ferry.edge.spool.journal.JournalSegments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What opening a spool does with the journal a stopped or crashed edge left: journal files are
 * written here frame by frame, as the journal thread writes them, with the damage a crash or a disk
 * fault leaves, and the spool opened on them must index exactly the intact, answered records.
 */
class JournalRecoveryTest {
  private static final long UNLIMITED = Long.MAX_VALUE;

  @TempDir Path dir;

  private Path journal() throws IOException {
    return Files.createDirectories(JournalSegments.directory(dir));
  }

  private static byte[] frame(String controlId, long sequence) {
    IncomingMessage message = TestMessages.message(controlId);
    byte[] head = JournalRecord.encode(EntryId.of(message), message);
    JournalRecord.seal(head, message.payload(), sequence);
    byte[] frame = Arrays.copyOf(head, head.length + message.payload().length);
    System.arraycopy(message.payload(), 0, frame, head.length, message.payload().length);
    return frame;
  }

  private List<String> controlIds(SqliteSpool spool) {
    List<String> ids = new ArrayList<>();
    spool.unshipped(0, 1_000).forEach(entry -> ids.add(entry.message().controlId()));
    return ids;
  }

  /** Found by scripts/chaos: three SIGKILLs held 16 MiB segments' zeros until the disk was full. */
  @Test
  void openingGivesBackTheUnwrittenZerosOfTheSegmentsFromBeforeAndKeepsTheirRecords()
      throws Exception {
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    written.write(frame("A", 1));
    written.write(frame("B", 2));
    byte[] prepared = Arrays.copyOf(written.toByteArray(), 1024 * 1024);
    Path segment = JournalSegments.path(journal(), 1);
    Files.write(segment, prepared);

    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(written.size(), Files.size(segment), "cut back to its last record");
      assertEquals(List.of("A", "B"), controlIds(spool));
      assertArrayEquals(
          TestMessages.message("B").payload(), spool.unshipped(0, 10).get(1).message().payload());
      assertEquals(3, spool.store(TestMessages.message("C")).get(10, TimeUnit.SECONDS).sequence());
    }
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(List.of("A", "B", "C"), controlIds(spool));
    }
  }

  @Test
  void recordsTheIndexNeverTookAreIndexedOnOpenWithTheirSequences() throws Exception {
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    segment.write(frame("A", 1));
    segment.write(frame("B", 2));
    segment.write(frame("C", 3));
    segment.write(new byte[4096]); // the prepared, never written rest of the segment
    Files.write(JournalSegments.path(journal(), 1), segment.toByteArray());

    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(List.of("A", "B", "C"), controlIds(spool));
      List<SpoolEntry> entries = spool.unshipped(0, 10);
      assertEquals(List.of(1L, 2L, 3L), entries.stream().map(SpoolEntry::sequence).toList());
      assertArrayEquals(TestMessages.message("B").payload(), entries.get(1).message().payload());
      // New messages continue after the recovered ones.
      assertEquals(4, spool.store(TestMessages.message("D")).get(10, TimeUnit.SECONDS).sequence());
      Path recovered = JournalSegments.path(journal(), 1);
      assertTrue(Files.exists(recovered), "the entries' payloads live in the recovered segment");

      spool.markShipped(List.of(1L, 2L, 3L), Instant.now().minusSeconds(60));
      assertEquals(3, spool.pruneShipped(Instant.now()));
      spool.stats(); // waits for the index thread, which retires segments after a prune
      assertTrue(!Files.exists(recovered), "the segment goes once no entry needs it");
      assertEquals(List.of("D"), controlIds(spool));
    }
  }

  @Test
  void theSpoolViewCountsWhatOnlyTheJournalHolds() throws Exception {
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      spool.store(TestMessages.message("A")).get(10, TimeUnit.SECONDS);
    }
    // What a crash leaves: answered messages in the journal, past the index's mark.
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    segment.write(frame("B", 2));
    segment.write(frame("C", 3));
    segment.write(new byte[512]);
    Files.write(JournalSegments.path(journal(), 2), segment.toByteArray());

    try (SpoolView view = SpoolView.open(dir)) {
      assertEquals(1, view.stats().received());
      assertEquals(2, view.notYetIndexed());
    }
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(List.of("A", "B", "C"), controlIds(spool));
    }
    try (SpoolView view = SpoolView.open(dir)) {
      assertEquals(0, view.notYetIndexed());
    }
  }

  @Test
  void aTornTailIsCutOffAndEverythingBeforeItKept() throws Exception {
    byte[] torn = frame("TORN", 3);
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    segment.write(frame("A", 1));
    segment.write(frame("B", 2));
    segment.write(torn, 0, torn.length / 2); // the kill came in the middle of this write
    segment.write(new byte[1024]);
    Files.write(JournalSegments.path(journal(), 1), segment.toByteArray());

    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(List.of("A", "B"), controlIds(spool));
      // The torn record's sequence may be given out again: it was never answered.
      assertEquals(3, spool.store(TestMessages.message("C")).get(10, TimeUnit.SECONDS).sequence());
    }
  }

  @Test
  void aFrameWithABadChecksumEndsItsSegmentButNotTheJournal() throws Exception {
    byte[] damaged = frame("DAMAGED", 2);
    damaged[damaged.length - 3] ^= 0x55; // a flipped payload byte: the CRC no longer matches
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    first.write(frame("A", 1));
    first.write(damaged);
    first.write(frame("LOST", 3));
    Files.write(JournalSegments.path(journal(), 1), first.toByteArray());
    Files.write(JournalSegments.path(journal(), 4), frame("D", 4));

    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(List.of("A", "D"), controlIds(spool));
    }
  }

  @Test
  void recordsTheIndexAlreadyHoldsAreNotIndexedTwice() throws Exception {
    long first;
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      first = spool.store(TestMessages.message("A")).get(10, TimeUnit.SECONDS).sequence();
    }
    // A journal segment the index already covered (left behind by a crash before deletion).
    Files.write(JournalSegments.path(journal(), first), frame("A", first));

    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(List.of("A"), controlIds(spool));
    }
  }

  @Test
  void sequencesAreNeverGivenOutTwiceEvenAfterEverythingWasPruned() throws Exception {
    long last;
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      spool.store(TestMessages.message("A")).get(10, TimeUnit.SECONDS);
      last = spool.store(TestMessages.message("B")).get(10, TimeUnit.SECONDS).sequence();
      spool.markShipped(List.of(last - 1, last), Instant.now().minusSeconds(60));
      assertEquals(2, spool.pruneShipped(Instant.now()));
    }
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      assertEquals(
          last + 1, spool.store(TestMessages.message("C")).get(10, TimeUnit.SECONDS).sequence());
    }
  }

  @Test
  void segmentsStayWhileTheirEntriesNeedThemAndGoOnceShippedEntriesArePruned() throws Exception {
    SpoolSettings settings =
        SpoolSettings.of(dir, UNLIMITED, UNLIMITED)
            .answeringAt(AnswerAt.JOURNAL)
            .withJournalSegmentBytes(64 * 1024);
    try (SqliteSpool spool = SqliteSpool.open(settings)) {
      List<Long> sequences = new ArrayList<>();
      for (int i = 0; i < 400; i++) { // about 400 KB: six or seven segments
        sequences.add(
            spool.store(TestMessages.message("M" + i)).get(10, TimeUnit.SECONDS).sequence());
      }
      assertEquals(400, spool.stats().received());
      assertTrue(JournalSegments.list(journal()).size() >= 6, "segments hold the payloads");
      List<SpoolEntry> unshipped = spool.unshipped(0, 1_000);
      assertArrayEquals(
          TestMessages.message("M399").payload(), unshipped.get(399).message().payload());

      spool.markShipped(sequences, Instant.now().minusSeconds(60));
      assertEquals(400, spool.pruneShipped(Instant.now()));
      spool.stats(); // waits for the index thread, which retires segments after a prune
      assertEquals(
          1, JournalSegments.list(journal()).size(), "only the segment being appended to stays");
    }
  }

  @Test
  void aClosedSpoolKeepsWhatItsEntriesNeedAndServesThemAfterReopening() throws Exception {
    SpoolSettings settings =
        SpoolSettings.of(dir, UNLIMITED, UNLIMITED).answeringAt(AnswerAt.JOURNAL);
    List<Long> sequences = new ArrayList<>();
    try (SqliteSpool spool = SqliteSpool.open(settings)) {
      for (int i = 0; i < 20; i++) {
        sequences.add(
            spool.store(TestMessages.message("M" + i)).get(10, TimeUnit.SECONDS).sequence());
      }
    }
    assertEquals(1, JournalSegments.list(journal()).size());
    try (SpoolView view = SpoolView.open(dir)) {
      assertEquals(20, view.stats().received());
      assertEquals(0, view.notYetIndexed());
    }
    try (SqliteSpool spool = SqliteSpool.open(settings)) {
      List<SpoolEntry> entries = spool.unshipped(0, 100);
      assertEquals(20, entries.size());
      assertArrayEquals(TestMessages.message("M7").payload(), entries.get(7).message().payload());
      spool.markShipped(sequences, Instant.now().minusSeconds(60));
      spool.pruneShipped(Instant.now());
    }
    assertEquals(List.of(), JournalSegments.list(journal()), "nothing needs a segment any more");
  }

  @Test
  void aBatchOfLargeMessagesIsWrittenInPiecesAndReadsBackIntact() throws Exception {
    SpoolSettings settings =
        SpoolSettings.of(dir, UNLIMITED, UNLIMITED).answeringAt(AnswerAt.JOURNAL);
    try (SqliteSpool spool = SqliteSpool.open(settings)) {
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Integer> blocker = SpoolAssertions.holdWriter(spool, release);
      // 6 x 3 MiB: larger than the journal's write buffer and than one 16 MiB segment.
      List<IncomingMessage> messages = new ArrayList<>();
      List<CompletableFuture<StoreResult>> futures = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        messages.add(TestMessages.sized("LARGE" + i, 3 << 20));
        futures.add(spool.store(messages.get(i)));
      }
      for (CompletableFuture<StoreResult> future : futures) {
        future.get(30, TimeUnit.SECONDS);
      }
      // Answered while the index was held: what the journal holds is all there is.
      List<JournalRecord.Decoded> onDisk = new ArrayList<>();
      JournalSegments.recover(journal(), (record, segment, offset) -> onDisk.add(record));
      assertEquals(6, onDisk.size());
      for (int i = 0; i < 6; i++) {
        assertArrayEquals(messages.get(i).payload(), onDisk.get(i).message().payload());
      }
      release.countDown();
      blocker.get(10, TimeUnit.SECONDS);
      assertEquals(6, spool.stats().received());
    }
  }

  @Test
  void aDamagedPayloadIsAnErrorNeverOtherBytes() throws Exception {
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      spool.store(TestMessages.message("A")).get(10, TimeUnit.SECONDS);
    }
    Path segment = JournalSegments.list(journal()).get(0).path();
    try (java.nio.channels.FileChannel file =
        java.nio.channels.FileChannel.open(segment, java.nio.file.StandardOpenOption.WRITE)) {
      file.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), 400); // inside the payload
    }
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      SpoolAccessException failure =
          assertThrows(SpoolAccessException.class, () -> spool.unshipped(0, 10));
      assertTrue(
          String.valueOf(failure.getCause()).contains("checksum mismatch"), failure.toString());
    }
  }

  @Test
  void aSecondSpoolOnTheSameDirectoryIsRefused() {
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED))) {
      SpoolAccessException refused =
          assertThrows(
              SpoolAccessException.class,
              () -> SqliteSpool.open(SpoolSettings.of(dir, UNLIMITED, UNLIMITED)));
      assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
    }
  }
}
