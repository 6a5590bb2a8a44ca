package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.SpoolAccessException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The read side's changes to entries (mark shipped, attempts, replay, prune), each run as its own
 * transaction on the index thread ({@link IndexWriter#update}), so this process never contends with
 * itself for SQLite's write lock.
 */
public final class EntryUpdates {
  /** Rows one prune transaction deletes at most, so stores never wait long behind it. */
  private static final int PRUNE_CHUNK = 2_000;

  /** The most sequences one mark statement names (then 16, 4, 1 for the rest). */
  private static final int MARK_CHUNK = 64;

  private final IndexWriter index;

  public EntryUpdates(IndexWriter index) {
    this.index = index;
  }

  /**
   * Marks the entries with these sequences shipped at {@code when} (one transaction). One statement
   * step per chunk of up to {@value #MARK_CHUNK} sequences ({@code seq IN (...)}), not one per
   * entry: the step through JDBC is most of what a mark costs.
   */
  public void markShipped(Collection<Long> sequences, Instant when) {
    List<Long> copy = List.copyOf(sequences);
    long millis = when.toEpochMilli();
    index.update(
        connection -> {
          int updated = 0;
          int done = 0;
          for (int chunk = MARK_CHUNK; chunk >= 1; chunk /= 4) {
            if (copy.size() - done < chunk) {
              continue;
            }
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE entry SET state = 'SHIPPED', shipped_at = ?"
                        + " WHERE state = 'RECEIVED' AND seq IN ("
                        + String.join(", ", Collections.nCopies(chunk, "?"))
                        + ")")) {
              while (copy.size() - done >= chunk) {
                update.setLong(1, millis);
                for (int i = 0; i < chunk; i++) {
                  update.setLong(2 + i, copy.get(done + i));
                }
                updated += update.executeUpdate();
                done += chunk;
              }
            }
          }
          return updated;
        });
  }

  /** Counts one more shipping attempt for the entries with these sequences. */
  public void recordAttempt(Collection<Long> sequences) {
    List<Long> copy = List.copyOf(sequences);
    index.update(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE entry SET attempts = attempts + 1 WHERE seq = ?")) {
            for (long sequence : copy) {
              update.setLong(1, sequence);
              update.addBatch();
            }
            return sum(update.executeBatch());
          }
        });
  }

  /** Longest failure reason kept per entry; reasons carry ids and error codes, never content. */
  public static final int MAX_REASON = 500;

  /** Counts one more failed attempt for {@code sequence} and keeps {@code reason} as its last. */
  public void recordFailure(long sequence, String reason) {
    String kept = bound(reason);
    index.update(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE entry SET attempts = attempts + 1, reason = ? WHERE seq = ?")) {
            update.setString(1, kept);
            update.setLong(2, sequence);
            return update.executeUpdate();
          }
        });
  }

  /** Sets a RECEIVED entry aside (QUARANTINED) with {@code reason}; returns whether it was. */
  public boolean quarantine(long sequence, String reason) {
    String kept = bound(reason);
    return index.update(
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE entry SET state = 'QUARANTINED', reason = ?"
                          + " WHERE seq = ? AND state = 'RECEIVED'")) {
                update.setString(1, kept);
                update.setLong(2, sequence);
                return update.executeUpdate();
              }
            })
        == 1;
  }

  /** What a change by id or by sending application applies to. */
  public enum Selector {
    ID("id"),
    SENDING_APPLICATION("sending_application");

    private final String column;

    Selector(String column) {
      this.column = column;
    }
  }

  /**
   * Puts QUARANTINED entries matching {@code value} back to RECEIVED with their attempts at zero
   * (their reason stays until the next attempt); returns how many.
   */
  public int release(Selector by, String value) {
    return index.update(connection -> release(connection, by, value));
  }

  /** Deletes the entry with {@code id} unless it is shipped; returns whether one was. */
  public boolean drop(String id) {
    boolean dropped = index.update(connection -> drop(connection, id)) == 1;
    if (dropped) {
      index.retireUnused();
    }
    return dropped;
  }

  /**
   * {@link #release} on the spool in {@code dataDir} without opening it, beside a running edge (its
   * shipper or delivery finds the entry behind its cursor and takes it again).
   */
  public static int release(Path dataDir, Selector by, String value) {
    try (Connection connection = SpoolDatabase.openWriter(dataDir)) {
      return release(connection, by, value);
    } catch (SQLException e) {
      throw new SpoolAccessException("cannot release quarantined entries in " + dataDir, e);
    }
  }

  /**
   * {@link #drop} on the spool in {@code dataDir} without opening it; the journal segment that held
   * it is retired by the edge at its next prune or start.
   */
  public static boolean drop(Path dataDir, String id) {
    try (Connection connection = SpoolDatabase.openWriter(dataDir)) {
      return drop(connection, id) == 1;
    } catch (SQLException e) {
      throw new SpoolAccessException("cannot drop entry " + id + " in " + dataDir, e);
    }
  }

  private static int release(Connection connection, Selector by, String value) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE entry SET state = 'RECEIVED', attempts = 0"
                + " WHERE state = 'QUARANTINED' AND "
                + by.column
                + " = ?")) {
      update.setString(1, value);
      return update.executeUpdate();
    }
  }

  private static int drop(Connection connection, String id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM entry WHERE id = ? AND state <> 'SHIPPED'")) {
      delete.setString(1, id);
      return delete.executeUpdate();
    }
  }

  private static String bound(String reason) {
    if (reason == null) {
      return null;
    }
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
  }

  /** Puts shipped entries received at or after {@code since} back to RECEIVED. */
  public int resetShipped(Instant since) {
    return index.update(connection -> resetShipped(connection, since));
  }

  /**
   * {@link #resetShipped(Instant)} on the spool in {@code dataDir} without opening it: for the
   * {@code spool replay} command, beside a running edge (SQLite's lock keeps the two writers apart)
   * or a stopped one. The journal is left alone; it belongs to the edge.
   */
  public static int resetShipped(Path dataDir, Instant since) {
    try (Connection connection = SpoolDatabase.openWriter(dataDir)) {
      return resetShipped(connection, since);
    } catch (SQLException e) {
      throw new SpoolAccessException("cannot reset shipped entries in " + dataDir, e);
    }
  }

  private static int resetShipped(Connection connection, Instant since) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE entry SET state = 'RECEIVED', shipped_at = NULL"
                + " WHERE state = 'SHIPPED' AND received_at >= ?")) {
      update.setLong(1, since.toEpochMilli());
      return update.executeUpdate();
    }
  }

  /**
   * Deletes shipped entries shipped before {@code before}, in chunks of {@link #PRUNE_CHUNK} rows;
   * returns how many. Then queues a pass over the journal segments only those entries needed.
   */
  public int pruneShipped(Instant before) {
    long millis = before.toEpochMilli();
    int total = 0;
    int deleted;
    do {
      deleted =
          index.update(
              connection -> {
                try (PreparedStatement delete =
                    connection.prepareStatement(
                        "DELETE FROM entry WHERE seq IN (SELECT seq FROM entry"
                            + " WHERE state = 'SHIPPED' AND shipped_at < ? LIMIT ?)")) {
                  delete.setLong(1, millis);
                  delete.setInt(2, PRUNE_CHUNK);
                  return delete.executeUpdate();
                }
              });
      total += deleted;
    } while (deleted == PRUNE_CHUNK);
    if (total > 0) {
      index.retireUnused();
    }
    return total;
  }

  private static int sum(int[] counts) {
    int total = 0;
    for (int count : counts) {
      total += Math.max(count, 0);
    }
    return total;
  }
}
