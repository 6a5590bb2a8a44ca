package dev.hl7ferry.edge.cli;

import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.EntrySummary;
import dev.hl7ferry.edge.spool.SpoolAccessException;
import dev.hl7ferry.edge.spool.SpoolStats;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry-edge spool list|stats}: looks into a spool directory read-only, safe while the edge
 * runs (WAL readers never block its writer). Prints header fields and counts, never a payload.
 * {@code spool retry|drop ID} bring a quarantined entry back or delete it, beside a running edge.
 */
@Command(
    name = "spool",
    mixinStandardHelpOptions = true,
    subcommands = ReplayCommand.class,
    description =
        "Inspect the local spool (list, stats: read-only, never print message content),"
            + " re-ship entries (replay) or handle quarantined ones (retry, drop).")
final class SpoolCommand implements Runnable {
  /** Exit code when the spool cannot be opened or read. */
  static final int UNREADABLE = 1;

  /** Exit code when no quarantined entry has the id given to retry or drop. */
  static final int NOT_FOUND = 3;

  @Spec CommandSpec spec;

  /** {@code spool} alone: say which subcommands exist. */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing required subcommand: list, stats, replay, retry or drop");
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Entries and payload bytes by state.")
  int stats(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "Spool.")
          Path dataDir) {
    PrintWriter out = spec.commandLine().getOut();
    try (SpoolView view = SpoolView.open(dataDir)) {
      SpoolStats stats = view.stats();
      out.printf("%-11s %12s %16s%n", "STATE", "ENTRIES", "BYTES");
      out.printf("%-11s %12d %16d%n", EntryState.RECEIVED, stats.received(), stats.receivedBytes());
      out.printf("%-11s %12d %16d%n", EntryState.SHIPPED, stats.shipped(), stats.shippedBytes());
      out.printf(
          "%-11s %12d %16d%n",
          EntryState.QUARANTINED, stats.quarantined(), stats.quarantinedBytes());
      out.printf(
          "%-11s %12d %16d%n",
          "TOTAL",
          stats.total(),
          stats.receivedBytes() + stats.shippedBytes() + stats.quarantinedBytes());
      out.printf(
          "oldest unshipped: %s%n",
          stats.oldestUnshipped() == null ? "-" : stats.oldestUnshipped());
      out.printf(
          "journal, not yet indexed: %d (acknowledged and on disk; indexed within milliseconds"
              + " while the edge runs, at its next start after a crash)%n",
          view.notYetIndexed());
      out.flush();
      return 0;
    } catch (SpoolAccessException e) {
      return unreadable(e);
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "One line per entry: sequence, id, control id, type, state, receive time, attempts and"
              + " the last failure or quarantine reason (error codes only).")
  int list(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "Spool.")
          Path dataDir,
      @Option(
              names = "--limit",
              defaultValue = "100",
              paramLabel = "N",
              description = "At most N entries. Default: ${DEFAULT-VALUE}")
          int limit,
      @Option(
              names = "--after",
              defaultValue = "0",
              paramLabel = "SEQ",
              description = "Only entries with a sequence above SEQ. Default: ${DEFAULT-VALUE}")
          long after,
      @Option(
              names = "--state",
              paramLabel = "received|shipped|quarantined",
              description = "Only entries in this state.")
          EntryState state) {
    PrintWriter out = spec.commandLine().getOut();
    try (SpoolView view = SpoolView.open(dataDir)) {
      List<EntrySummary> entries = view.list(after, limit, state);
      out.printf(
          "%-10s %-64s %-20s %-16s %-11s %-24s %8s %s%n",
          "SEQ", "ID", "CONTROL-ID", "TYPE", "STATE", "RECEIVED-AT", "ATTEMPTS", "REASON");
      for (EntrySummary entry : entries) {
        out.printf(
            "%-10d %-64s %-20s %-16s %-11s %-24s %8d %s%n",
            entry.sequence(),
            entry.id(),
            printable(entry.controlId()),
            printable(entry.messageType()),
            entry.state(),
            entry.receivedAt(),
            entry.attempts(),
            entry.reason() == null ? "-" : entry.reason().replaceAll("\\p{Cntrl}", "_"));
      }
      out.flush();
      return 0;
    } catch (SpoolAccessException e) {
      return unreadable(e);
    }
  }

  @Command(
      name = "retry",
      mixinStandardHelpOptions = true,
      description =
          "Puts the QUARANTINED entry ID back to RECEIVED (attempts from zero). A running edge"
              + " finds it behind its cursor within seconds and ships it again, after the entries"
              + " that followed it (out of its original order).")
  int retry(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "Spool.")
          Path dataDir,
      @Parameters(paramLabel = "ID", description = "Entry id (spool list --state quarantined).")
          String id) {
    try {
      if (!SqliteSpool.release(dataDir, id)) {
        return notQuarantined(id);
      }
      spec.commandLine().getOut().printf("released %s: it ships again%n", id);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (SpoolAccessException e) {
      return unreadable(e);
    }
  }

  @Command(
      name = "drop",
      mixinStandardHelpOptions = true,
      description =
          "Deletes the QUARANTINED entry ID from the spool for good: it is never shipped.")
  int drop(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true, description = "Spool.")
          Path dataDir,
      @Parameters(paramLabel = "ID", description = "Entry id (spool list --state quarantined).")
          String id) {
    try {
      if (!quarantined(dataDir, id) || !SqliteSpool.drop(dataDir, id)) {
        return notQuarantined(id);
      }
      spec.commandLine().getOut().printf("dropped %s%n", id);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (SpoolAccessException e) {
      return unreadable(e);
    }
  }

  private static boolean quarantined(Path dataDir, String id) {
    try (SpoolView view = SpoolView.open(dataDir)) {
      long after = 0;
      while (true) {
        List<EntrySummary> page = view.list(after, 1000, EntryState.QUARANTINED);
        if (page.isEmpty()) {
          return false;
        }
        if (page.stream().anyMatch(e -> e.id().equals(id))) {
          return true;
        }
        after = page.get(page.size() - 1).sequence();
      }
    }
  }

  private int notQuarantined(String id) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("ferry-edge spool: no quarantined entry " + id);
    err.flush();
    return NOT_FOUND;
  }

  private int unreadable(SpoolAccessException e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("ferry-edge spool: " + e.getMessage() + describeCause(e));
    err.flush();
    return UNREADABLE;
  }

  private static String describeCause(Throwable e) {
    return e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
  }

  /** Keeps one entry on one line whatever a sender put in its header fields. */
  private static String printable(String value) {
    if (value == null || value.isEmpty()) {
      return "-";
    }
    StringBuilder text = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c ->
                text.appendCodePoint(
                    Character.isISOControl(c) || Character.isWhitespace(c) ? '_' : c));
    return text.toString();
  }
}
