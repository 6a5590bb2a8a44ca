package dev.hl7ferry.edge.spool;

import static dev.hl7ferry.edge.spool.SpoolAssertions.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hl7ferry.edge.TestMessages;
import dev.hl7ferry.edge.spool.SpoolRejectedException.Reason;
import dev.hl7ferry.edge.spool.journal.Journal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The journal on a file system that is really full (a 4 MiB tmpfs filled until ENOSPC; needs root
 * to mount, skipped otherwise): every message is refused with DISK_FULL, yet only the first and
 * every 20th failed write is logged, and one line says when writing works again.
 */
class JournalDiskFullLogTest {
  @TempDir Path temp;
  private SmallDisk disk;
  private SqliteSpool spool;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(Journal.class);

  @BeforeEach
  void mountSmallDisk() throws Exception {
    String whyNot = SmallDisk.whyNot();
    assumeTrue(whyNot == null, whyNot);
    disk = SmallDisk.mount(temp.resolve("disk"), 4);
    assertNotNull(disk, "mounting a tmpfs as root failed");
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void unmount() throws Exception {
    logger.detachAppender(logged);
    if (spool != null) {
      spool.close();
    }
    if (disk != null) {
      disk.close();
    }
  }

  @Test
  void aFullDiskRefusesEveryMessageButLogsTheFirstAndEveryTwentiethThenWhenItWorksAgain()
      throws Exception {
    spool =
        SqliteSpool.open(
            SpoolSettings.of(disk.root().resolve("spool"), Long.MAX_VALUE, Long.MAX_VALUE)
                .withJournalSegmentBytes(64 * 1024)
                // As the edge answers by default: once the journal holds the message (the index
                // cannot write on this disk either, and retries meanwhile).
                .answeringAt(SpoolSettings.AnswerAt.JOURNAL));
    disk.fill();
    // The open segment and the one prepared ahead were allocated before the disk filled: the
    // first messages still fit; the first one that needs a new segment is refused.
    int stored = 0;
    while (store("FIT" + stored) == null) {
      stored++;
      assertTrue(stored < 10, "the full disk never refused a message");
    }
    for (int i = 1; i < 45; i++) {
      assertEquals(Reason.DISK_FULL, store("FULL" + i).reason());
    }

    // Beside these, one line says the broken segment could not be replaced (once, not per message).
    List<ILoggingEvent> errors =
        logged.list.stream()
            .filter(e -> e.getFormattedMessage().startsWith("journal write failed"))
            .toList();
    assertEquals(3, errors.size(), messages() + "");
    assertEquals(4, logged.list.size(), messages() + "");
    assertTrue(errors.get(0).getFormattedMessage().contains("(DISK_FULL, 1 in a row;"));
    assertTrue(errors.get(1).getFormattedMessage().contains("(DISK_FULL, 20 in a row;"));
    assertTrue(errors.get(2).getFormattedMessage().contains("(DISK_FULL, 40 in a row;"));

    disk.free();
    assertEquals(null, store("AFTER"), "stored once space is free");
    assertEquals(
        List.of("journal write works again after 45 failed rounds"),
        messages().stream().filter(m -> m.contains("works again")).toList());
  }

  /** Stores a 40 KB message; null when stored, else why it was refused. */
  private SpoolRejectedException store(String controlId) throws Exception {
    CompletableFuture<StoreResult> future = spool.store(TestMessages.sized(controlId, 40_000));
    try {
      future.get(10, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return rejected(future);
    }
  }

  private List<String> messages() {
    return List.copyOf(logged.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
