package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Results of committed batches are released only after an fsync of the WAL covered them. */
class WalSyncerTest {
  private final WalSyncer syncer = new WalSyncer();

  @AfterEach
  void close() {
    syncer.close();
  }

  private static BatchWriter.Outcome outcome(String controlId) {
    WriteRequest.Store request =
        new WriteRequest.Store(
            TestMessages.message(controlId), controlId, new CompletableFuture<>(), null);
    return new BatchWriter.Outcome(
        request, new StoreResult(controlId, 1, StoreOutcome.STORED), null);
  }

  @Test
  void aResultWaitsForTheFsyncThatCoversItsBatch() throws Exception {
    CountDownLatch fsyncRunning = new CountDownLatch(1);
    CountDownLatch fsyncMayReturn = new CountDownLatch(1);
    syncer.start();
    BatchWriter.Outcome first = outcome("A");

    syncer.committed(
        List.of(first),
        () -> {
          fsyncRunning.countDown();
          try {
            fsyncMayReturn.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });

    assertTrue(fsyncRunning.await(10, TimeUnit.SECONDS));
    Thread.sleep(50);
    assertFalse(first.request().result().isDone(), "released before its fsync returned");
    fsyncMayReturn.countDown();
    assertEquals("A", first.request().result().get(10, TimeUnit.SECONDS).id());
  }

  @Test
  void batchesCommittedDuringAnFsyncShareTheNextOne() throws Exception {
    AtomicInteger fsyncs = new AtomicInteger();
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch firstMayReturn = new CountDownLatch(1);
    WalSyncer.Wal wal =
        () -> {
          if (fsyncs.incrementAndGet() == 1) {
            firstRunning.countDown();
            try {
              firstMayReturn.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    syncer.start();
    syncer.committed(List.of(outcome("A")), wal);
    assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
    BatchWriter.Outcome b = outcome("B");
    BatchWriter.Outcome c = outcome("C");
    syncer.committed(List.of(b), wal);
    syncer.committed(List.of(c), wal);

    firstMayReturn.countDown();
    b.request().result().get(10, TimeUnit.SECONDS);
    c.request().result().get(10, TimeUnit.SECONDS);
    assertEquals(2, fsyncs.get());
  }

  @Test
  void aFailedFsyncRefusesTheMessagesItCovered() {
    syncer.start();
    BatchWriter.Outcome a = outcome("A");

    syncer.committed(
        List.of(a),
        () -> {
          throw new IOException("EIO");
        });

    ExecutionException failure =
        assertThrows(
            ExecutionException.class, () -> a.request().result().get(10, TimeUnit.SECONDS));
    SpoolRejectedException rejected = (SpoolRejectedException) failure.getCause();
    assertEquals(SpoolRejectedException.Reason.STORE_FAILED, rejected.reason());
  }

  @Test
  void anUnexpectedFailureRefusesItsBatchAndTheSyncerKeepsWorking() throws Exception {
    syncer.start();
    BatchWriter.Outcome broken = outcome("A");
    syncer.committed(
        List.of(broken),
        () -> {
          throw new IllegalStateException("bug");
        });
    assertThrows(
        ExecutionException.class, () -> broken.request().result().get(10, TimeUnit.SECONDS));

    BatchWriter.Outcome next = outcome("B");
    syncer.committed(List.of(next), () -> {});
    assertEquals("B", next.request().result().get(10, TimeUnit.SECONDS).id());
  }

  @Test
  void closeReleasesWhatIsQueued() throws Exception {
    syncer.start();
    BatchWriter.Outcome a = outcome("A");
    syncer.committed(List.of(a), () -> {});

    syncer.close();

    assertTrue(a.request().result().isDone());
    assertEquals("A", a.request().result().get().id());
  }
}
