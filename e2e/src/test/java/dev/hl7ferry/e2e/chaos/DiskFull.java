package dev.hl7ferry.e2e.chaos;

import java.util.List;

/**
 * The spool's file system filled up for real (a file written until ENOSPC) while senders send 32
 * KiB messages: the edge must answer NAKs (AR/CR, ERR 207) while it cannot store, acknowledge again
 * once the file is deleted, and lose nothing it acknowledged.
 */
final class DiskFull {
  private static final int BIG = 256 * 1024;
  private static final int SMALL = 600;

  private final Stack stack;
  private final Sizes sizes;

  DiskFull(Stack stack, Sizes sizes) {
    this.stack = stack;
    this.sizes = sizes;
  }

  Row run() throws Exception {
    String name = "spool disk full, then freed";
    SpoolDisk disk = stack.disk();
    if (disk.unavailableReason() != null) {
      return Row.skipped(name, disk.unavailableReason());
    }
    try (Trial t = new Trial(name, "DISK", stack)) {
      long filler = disk.fill();
      // Unpaced, large: the journal's preallocated segments fill within seconds.
      List<Sender> fast = t.startSenders(sizes.senders(), Long.MAX_VALUE, 0, BIG, 0);
      boolean refused = waitFor(() -> t.ledger().nakCount() > 0, 60_000);
      Thread.sleep(sizes.steady().toMillis() / 2);
      fast.forEach(Sender::stop);
      t.awaitSenders();
      long ackedWhileFull = t.ledger().acked().size();
      disk.free();
      long freedAt = System.nanoTime();
      List<Sender> paced =
          t.startSenders(sizes.senders(), Long.MAX_VALUE, 0, SMALL, sizes.perSecond());
      boolean recovered = waitFor(() -> paced.stream().mapToLong(Sender::acks).sum() > 0, 60_000);
      long recoveryMillis = (System.nanoTime() - freedAt) / 1_000_000;
      Thread.sleep(sizes.steady().toMillis() / 2);
      String notes =
          String.format(
              "filler %,d MiB; %,d ACKed before the disk refused, then only NAKs;"
                  + " first ACK %,d ms after freeing",
              filler >> 20, ackedWhileFull, recoveryMillis);
      Row row = t.finish(sizes.drain(), notes, 0);
      if (!refused) {
        row = row.withProblem("no NAK while the disk was full");
      }
      if (!recovered) {
        row = row.withProblem("no ACK after the space was freed");
      }
      return row;
    }
  }

  private static boolean waitFor(java.util.function.BooleanSupplier condition, long millis)
      throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
