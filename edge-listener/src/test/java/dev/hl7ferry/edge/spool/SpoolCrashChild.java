package dev.hl7ferry.edge.spool;

import dev.hl7ferry.edge.TestMessages;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The process {@link SpoolCrashTest} kills: N producer threads store messages as fast as their
 * futures allow and print {@code STORED <id> <control id> .} once each future has completed, i.e.
 * once the journal's fsync covers the entry (the listener's mode: the index follows behind, so a
 * kill usually finds journal records the index does not hold yet). Small journal segments, so the
 * children also rotate and retire segments. It never exits by itself.
 */
public final class SpoolCrashChild {
  private SpoolCrashChild() {}

  public static void main(String[] args) {
    Path dataDir = Path.of(args[0]);
    String round = args[1];
    int producers = Integer.parseInt(args[2]);
    int window = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    SqliteSpool spool =
        SqliteSpool.open(
            SpoolSettings.of(dataDir, Long.MAX_VALUE, Long.MAX_VALUE)
                .answeringAt(SpoolSettings.AnswerAt.JOURNAL)
                .withJournalSegmentBytes(256 * 1024));
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread thread =
          new Thread(() -> produce(spool, out, round + "-" + producer, window), "producer-" + p);
      thread.start();
    }
    out.println("READY");
  }

  private static void produce(SqliteSpool spool, PrintStream out, String prefix, int window) {
    ArrayDeque<CompletableFuture<Void>> pending = new ArrayDeque<>();
    for (long i = 0; ; i++) {
      String controlId = prefix + "-" + i;
      pending.add(
          spool
              .store(TestMessages.message(controlId))
              .thenAccept(result -> out.println("STORED " + result.id() + " " + controlId + " .")));
      if (pending.size() >= window) {
        pending.remove().join();
      }
    }
  }
}
