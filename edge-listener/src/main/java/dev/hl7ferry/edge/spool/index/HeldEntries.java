package dev.hl7ferry.edge.spool.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the entries already held under the sender keys of one batch, with one query per chunk of up
 * to {@value #CHUNK} control ids instead of one per message (on the sender + control id index).
 */
final class HeldEntries implements AutoCloseable {
  static final int CHUNK = 64;

  /** One held entry. */
  record Held(String id, long sequence) {}

  private final PreparedStatement byControlIds;
  private final PreparedStatement byKey;

  HeldEntries(Connection connection) throws SQLException {
    byControlIds =
        connection.prepareStatement(
            "SELECT id, seq, control_id, sending_facility, sending_application FROM entry"
                + " WHERE control_id IN ("
                + String.join(", ", java.util.Collections.nCopies(CHUNK, "?"))
                + ")");
    byKey =
        connection.prepareStatement(
            "SELECT id, seq FROM entry WHERE control_id IS ? AND sending_facility IS ?"
                + " AND sending_application IS ?");
  }

  /** The held entries under each of {@code keys}; keys without any are absent from the map. */
  Map<SenderKey, List<Held>> find(Set<SenderKey> keys) throws SQLException {
    Map<SenderKey, List<Held>> held = new HashMap<>();
    Set<String> controlIds = new LinkedHashSet<>();
    for (SenderKey key : keys) {
      if (key.controlId() == null) {
        findOne(key, held); // IN never matches NULL; the minimum check makes this rare anyway
      } else {
        controlIds.add(key.controlId());
      }
    }
    List<String> ids = new ArrayList<>(controlIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      for (int i = 0; i < CHUNK; i++) {
        // Unused slots bind NULL, which IN never matches.
        byControlIds.setString(i + 1, i < chunk.size() ? chunk.get(i) : null);
      }
      try (ResultSet rows = byControlIds.executeQuery()) {
        while (rows.next()) {
          SenderKey key = new SenderKey(rows.getString(3), rows.getString(4), rows.getString(5));
          if (keys.contains(key)) {
            held.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Held(rows.getString(1), rows.getLong(2)));
          }
        }
      }
    }
    return held;
  }

  private void findOne(SenderKey key, Map<SenderKey, List<Held>> held) throws SQLException {
    byKey.setString(1, key.controlId());
    byKey.setString(2, key.sendingFacility());
    byKey.setString(3, key.sendingApplication());
    try (ResultSet rows = byKey.executeQuery()) {
      while (rows.next()) {
        held.computeIfAbsent(key, k -> new ArrayList<>())
            .add(new Held(rows.getString(1), rows.getLong(2)));
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (byControlIds;
        byKey) {
      // closes both statements
    }
  }
}
