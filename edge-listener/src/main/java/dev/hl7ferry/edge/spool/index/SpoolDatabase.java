package dev.hl7ferry.edge.spool.index;

import dev.hl7ferry.edge.spool.PrivateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Opens SQLite connections to the spool's index: WAL journal mode; the index writer's commits only
 * write the WAL ({@code synchronous=NORMAL}), since the spool's own journal holds every record
 * until an fsync of the WAL covers it (see {@link SegmentRetirement}).
 */
public final class SpoolDatabase {
  public static final String FILE_NAME = "spool.db";

  /** How long a connection waits for another one's write lock (another process, a checkpoint). */
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private SpoolDatabase() {}

  /** Opens the writing connection, creating the directory, the file and the schema if needed. */
  static Connection openWriter(Path dataDir) throws SQLException {
    try {
      PrivateFiles.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create spool directory " + dataDir, e);
    }
    Connection connection = open(dataDir.resolve(FILE_NAME), false);
    try (Statement statement = connection.createStatement()) {
      // SQLite creates the file with the umask's default; its WAL and shared-memory files copy the
      // database's permissions, so restricting it first covers them (restricted again after).
      restrict(dataDir);
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode=WAL")) {
        if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
          throw new SQLException("spool database refused WAL journal mode");
        }
      }
      // Durability comes from the spool's journal, kept until the WAL is fsynced; NORMAL keeps
      // SQLite's own ordering (the WAL is synced before every checkpoint).
      statement.execute("PRAGMA synchronous=NORMAL");
      // Commits only write the WAL; the Checkpointer copies pages to the main file off this thread.
      statement.execute("PRAGMA wal_autocheckpoint=0");
      statement.execute("PRAGMA cache_size=-65536");
      SpoolSchema.ensure(connection, dataDir.resolve(FILE_NAME));
      restrict(dataDir);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static void restrict(Path dataDir) throws SQLException {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path file = dataDir.resolve(FILE_NAME + suffix);
      try {
        PrivateFiles.restrict(file);
      } catch (java.io.IOException e) {
        throw new SQLException("cannot make " + file + " private (0600)", e);
      }
    }
  }

  /** The WAL file SQLite keeps beside the spool database. */
  static Path walFile(Path dataDir) {
    return dataDir.resolve(FILE_NAME + "-wal");
  }

  /** Opens the connection the {@link Checkpointer} uses, on a spool the writer already opened. */
  static Connection openCheckpointer(Path dataDir) throws SQLException {
    Connection connection = open(dataDir.resolve(FILE_NAME), false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA synchronous=FULL");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /**
   * Opens an existing spool without write access, for inspection while the edge runs (WAL lets it
   * read a consistent snapshot beside the writer). Fails when there is no spool file.
   */
  public static Connection openReadOnly(Path dataDir) throws SQLException {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new SQLException("no spool database at " + file);
    }
    Connection connection = open(file, true);
    try {
      SpoolSchema.check(connection, file);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static Connection open(Path file, boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    // Otherwise sqlite-jdbc runs an extra "last_insert_rowid()" query after every INSERT.
    config.setGetGeneratedKeys(false);
    if (readOnly) {
      config.setReadOnly(true);
      config.setOpenMode(SQLiteOpenMode.READONLY);
    }
    Properties properties = config.toProperties();
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
    return connection;
  }
}
