package dev.hl7ferry.edge.spool.index;

import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index thread's SQLite connection: opened when first needed, dropped after a failure (and at
 * the end) so the next request opens a fresh one. sqlite-jdbc may leave prepared statements closed
 * after an error, and a clean connection is cheap next to guessing which state survived.
 */
final class WriterConnection {
  private static final Logger log = LoggerFactory.getLogger(WriterConnection.class);

  private final Path dataDir;
  private BatchWriter writer;

  WriterConnection(Path dataDir, BatchWriter opened) {
    this.dataDir = dataDir;
    this.writer = opened;
  }

  /** The open connection, or a new one. */
  BatchWriter get() throws SQLException {
    if (writer == null) {
      writer = BatchWriter.open(dataDir);
    }
    return writer;
  }

  /** Closes the connection, if open; the next {@link #get} opens another. */
  void drop() {
    if (writer == null) {
      return;
    }
    try {
      writer.close();
    } catch (SQLException e) {
      log.warn("closing the spool writer connection failed", e);
    }
    writer = null;
  }
}
