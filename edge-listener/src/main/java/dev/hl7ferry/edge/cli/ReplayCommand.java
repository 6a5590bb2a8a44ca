package dev.hl7ferry.edge.cli;

import dev.hl7ferry.edge.spool.SpoolAccessException;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry-edge spool replay --since TIME}: puts shipped entries received since TIME back to
 * unshipped so they ship again, with the same S3 keys and SQS deduplication ids (idempotent).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-ship every entry received at or after TIME that is still in the spool (shipped entries"
          + " stay until ship.retentionHours). The same S3 keys and SQS deduplication ids are"
          + " used, so objects are overwritten with identical bytes and a FIFO queue drops"
          + " envelopes it saw in the last 5 minutes; consumers may see older ones again.",
      "Edge stopped: the entries are marked unshipped and the next `ferry-edge run` ships them.",
      "Edge running on the same --data-dir: safe too (SQLite lets this process write beside"
          + " it); the running shipper notices the entries within about 5 seconds and ships"
          + " them in receive order before newer ones it has not shipped yet."
    })
final class ReplayCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--since",
      required = true,
      paramLabel = "TIME",
      description =
          "An instant (2026-11-20T08:00:00Z, 2026-11-20T09:00:00+01:00), a local date-time"
              + " (2026-11-20T09:00) or a local date (2026-11-20 = its midnight); local means"
              + " --zone.")
  String since;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description = "Time zone of a local TIME, e.g. Europe/Berlin. Default: this machine's.")
  ZoneId zone;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "./ferry-data",
      description = "The spool directory (spool.dataDir). Default: ${DEFAULT-VALUE}")
  Path dataDir;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant from;
    try {
      from = SinceTime.parse(since, zone == null ? ZoneId.systemDefault() : zone);
    } catch (IllegalArgumentException e) {
      err.println("ferry-edge spool replay: --since: " + e.getMessage());
      err.flush();
      return 2;
    }
    // Opening for writing would create an empty spool in a mistyped directory: check first.
    try (SpoolView view = SpoolView.open(dataDir)) {
      view.stats();
    } catch (SpoolAccessException e) {
      err.println("ferry-edge spool replay: " + e.getMessage());
      err.flush();
      return SpoolCommand.UNREADABLE;
    }
    int reset;
    try {
      reset = SqliteSpool.resetShipped(dataDir, from);
    } catch (RuntimeException e) {
      err.println("ferry-edge spool replay: cannot reset entries in " + dataDir + ": " + e);
      err.flush();
      return SpoolCommand.UNREADABLE;
    }
    out.printf(
        "%d shipped entries received since %s are unshipped again; the edge ships them"
            + " (a running edge within about 5 s, a stopped one at its next start)%n",
        reset, from);
    out.flush();
    return 0;
  }
}
