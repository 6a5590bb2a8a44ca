package dev.hl7ferry.edge.cli;

import dev.hl7ferry.edge.spool.EntryState;
import dev.hl7ferry.edge.spool.EntrySummary;
import dev.hl7ferry.edge.spool.SpoolAccessException;
import dev.hl7ferry.edge.spool.SpoolStats;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry-edge outbound stats|list|retry|drop}: the local outbound store of an edge's data
 * directory ({@code DIR/outbound}, receipts in {@code DIR/receipts}). Safe beside a running edge:
 * reads are WAL readers, retry and drop are single SQLite updates the running delivery picks up (a
 * retried output is found behind its destination's position within seconds). Never prints a
 * payload.
 */
@Command(
    name = "outbound",
    mixinStandardHelpOptions = true,
    description =
        "Inspect the outbound store (stats, list: read-only, never print message content),"
            + " retry dead letters or drop entries.")
final class OutboundCommand implements Runnable {
  static final int UNREADABLE = 1;
  static final int NOT_FOUND = 3;

  @Spec CommandSpec spec;

  /** The states as people name them. */
  enum State {
    PENDING(EntryState.RECEIVED),
    DELIVERED(EntryState.SHIPPED),
    DEAD(EntryState.QUARANTINED);

    final EntryState stored;

    State(EntryState stored) {
      this.stored = stored;
    }

    static String of(EntryState state) {
      for (State s : values()) {
        if (s.stored == state) {
          return s.name();
        }
      }
      return state.name();
    }
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "Missing required subcommand: stats, list, retry or drop");
  }

  @Command(name = "stats", mixinStandardHelpOptions = true, description = "Outputs by state.")
  int stats(@Option(names = "--data-dir", paramLabel = "DIR", required = true) Path dataDir) {
    PrintWriter out = spec.commandLine().getOut();
    try (SpoolView view = SpoolView.open(dataDir.resolve("outbound"))) {
      SpoolStats s = view.stats();
      out.printf("%-10s %12s %16s%n", "STATE", "OUTPUTS", "BYTES");
      out.printf("%-10s %12d %16d%n", State.PENDING, s.received(), s.receivedBytes());
      out.printf("%-10s %12d %16d%n", State.DELIVERED, s.shipped(), s.shippedBytes());
      out.printf("%-10s %12d %16d%n", State.DEAD, s.quarantined(), s.quarantinedBytes());
      out.printf("oldest pending: %s%n", s.oldestUnshipped() == null ? "-" : s.oldestUnshipped());
      Path receipts = dataDir.resolve("receipts");
      if (Files.isDirectory(receipts)) {
        try (SpoolView r = SpoolView.open(receipts)) {
          SpoolStats rs = r.stats();
          out.printf("receipts: %d to send, %d sent%n", rs.received(), rs.shipped());
        }
      }
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
          "One line per output: sequence, id, destination, output id (the converter's dedup id),"
              + " state, failed attempts, last failure or dead-letter reason.")
  int list(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true) Path dataDir,
      @Option(names = "--destination", paramLabel = "D", description = "Only this destination.")
          String destination,
      @Option(names = "--state", paramLabel = "pending|delivered|dead") State state,
      @Option(names = "--limit", defaultValue = "100", paramLabel = "N") int limit,
      @Option(names = "--after", defaultValue = "0", paramLabel = "SEQ") long after) {
    PrintWriter out = spec.commandLine().getOut();
    EntryState stored = state == null ? null : state.stored;
    try (SpoolView view = SpoolView.open(dataDir.resolve("outbound"))) {
      List<EntrySummary> entries =
          destination == null
              ? view.list(after, limit, stored)
              : view.list(after, limit, stored, destination);
      out.printf(
          "%-10s %-64s %-24s %-20s %-9s %8s %s%n",
          "SEQ", "ID", "DESTINATION", "OUTPUT-ID", "STATE", "FAILED", "REASON");
      for (EntrySummary e : entries) {
        out.printf(
            "%-10d %-64s %-24s %-20s %-9s %8d %s%n",
            e.sequence(),
            e.id(),
            e.sendingApplication(),
            e.controlId().substring(0, Math.min(20, e.controlId().length())),
            State.of(e.state()),
            e.attempts(),
            e.reason() == null ? "" : e.reason());
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
      description = "Put a dead letter (ID) or all of a destination's back in line.")
  int retry(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true) Path dataDir,
      @Option(names = "--destination", paramLabel = "D") String destination,
      @Parameters(arity = "0..1", paramLabel = "ID") String id) {
    if ((destination == null) == (id == null)) {
      throw new ParameterException(spec.commandLine(), "give either an ID or --destination D");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      Path store = dataDir.resolve("outbound");
      if (id != null) {
        if (!SqliteSpool.release(store, id)) {
          return notFound("no dead letter with id " + id);
        }
        out.println("retrying " + id);
      } else {
        int released = SqliteSpool.releaseFrom(store, destination);
        out.println("retrying " + released + " dead letters of " + destination);
      }
      out.flush();
      return 0;
    } catch (SpoolAccessException e) {
      return unreadable(e);
    }
  }

  @Command(
      name = "drop",
      mixinStandardHelpOptions = true,
      description = "Delete a pending or dead output for good (no receipt is sent).")
  int drop(
      @Option(names = "--data-dir", paramLabel = "DIR", required = true) Path dataDir,
      @Parameters(paramLabel = "ID") String id) {
    try {
      if (!SqliteSpool.drop(dataDir.resolve("outbound"), id)) {
        return notFound("no pending or dead output with id " + id);
      }
      spec.commandLine().getOut().println("dropped " + id);
      spec.commandLine().getOut().flush();
      return 0;
    } catch (SpoolAccessException e) {
      return unreadable(e);
    }
  }

  private int notFound(String message) {
    spec.commandLine().getErr().println("ferry-edge outbound: " + message);
    spec.commandLine().getErr().flush();
    return NOT_FOUND;
  }

  private int unreadable(SpoolAccessException e) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "ferry-edge outbound: "
            + e.getMessage()
            + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
    err.flush();
    return UNREADABLE;
  }
}
