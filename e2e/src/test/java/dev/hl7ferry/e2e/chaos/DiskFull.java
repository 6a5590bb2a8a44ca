package dev.hl7ferry.e2e.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The spool's file system filled up for real (a file written until ENOSPC) while senders send 32
 * KiB messages: the edge must answer NAKs (AR/CR, ERR 207) while it cannot store, acknowledge again
 * once the file is deleted, and lose nothing it acknowledged.
 */
final class DiskFull {
  private static final int BIG = 256 * 1024;
  private static final int SMALL = 600;

  /**
   * More WARN/ERROR lines than this from the edge during the scenario (the one line per refused
   * message aside) is a log storm: each retrying part logs a lasting failure the first and every
   * 20th time, and once when it works again. Before that rule the checkpointer alone logged a stack
   * trace every 100 ms (2,712 in one full run).
   */
  static final int MAX_FAILURE_LINES = 60;

  /** A log line of the edge at WARN or ERROR, not the per-message NAK line. */
  private static final Pattern FAILURE_LINE =
      Pattern.compile(
          "^\\S+ +(WARN|ERROR) +\\[[^]]*\\] (?!ReceiveHandler - nak ).*", Pattern.MULTILINE);

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
      long logFrom = Files.size(stack.log("edge"));
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
      long failureLines = failureLines(stack.log("edge"), logFrom);
      notes += String.format("; %d WARN/ERROR lines of the edge besides the NAKs", failureLines);
      Row row = t.finish(sizes, notes, 0);
      if (filler < 1024 * 1024) {
        row = row.withProblem("the spool disk was full before the scenario filled it");
      }
      if (failureLines > MAX_FAILURE_LINES) {
        row = row.withProblem("log storm: " + failureLines + " WARN/ERROR lines");
      }
      if (!refused) {
        row = row.withProblem("no NAK while the disk was full");
      }
      if (!recovered) {
        row = row.withProblem("no ACK after the space was freed");
      }
      return row;
    }
  }

  /** WARN/ERROR lines in the log from byte {@code from} on, the NAK lines aside. */
  private static long failureLines(Path log, long from) throws IOException {
    byte[] all = Files.readAllBytes(log);
    String since =
        new String(
            all,
            (int) Math.min(from, all.length),
            (int) Math.max(0, all.length - from),
            StandardCharsets.ISO_8859_1);
    return FAILURE_LINE.matcher(since).results().count();
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
