package dev.hl7ferry.edge.spool.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.edge.spool.SpoolAccessException;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SpoolView;
import dev.hl7ferry.edge.spool.SqliteSpool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index has one schema version: a new file gets it, a file of any other version is refused. */
class SpoolSchemaTest {
  @TempDir Path dir;

  private Path file() {
    return dir.resolve(SpoolDatabase.FILE_NAME);
  }

  private void writeFileOfVersion(int version) throws Exception {
    Files.createDirectories(dir);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE entry (seq INTEGER PRIMARY KEY, id TEXT, payload BLOB)");
      s.execute("PRAGMA user_version = " + version);
    }
  }

  @Test
  void aNewSpoolGetsTheCurrentVersion() throws Exception {
    SqliteSpool.open(SpoolSettings.of(dir, 1_000, 1_000)).close();

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement s = c.createStatement();
        ResultSet version = s.executeQuery("PRAGMA user_version")) {
      assertTrue(version.next());
      assertEquals(SpoolSchema.VERSION, version.getInt(1));
    }
  }

  @Test
  void aFileOfAnotherVersionIsRefusedNamingTheFileAndBothVersions() throws Exception {
    writeFileOfVersion(SpoolSchema.VERSION + 2);
    for (int version : new int[] {SpoolSchema.VERSION + 2, 0}) {
      if (version == 0) {
        Files.delete(file());
        writeFileOfVersion(0); // tables, yet no version: not a spool this edge created
      }
      SpoolAccessException refused =
          assertThrows(
              SpoolAccessException.class,
              () -> SqliteSpool.open(SpoolSettings.of(dir, 1_000, 1_000)));
      assertTrue(
          refused
              .getMessage()
              .contains(
                  "spool database "
                      + file()
                      + " has schema version "
                      + version
                      + ", this edge expects version "
                      + SpoolSchema.VERSION),
          refused.getMessage());
    }
  }

  @Test
  void theSpoolViewRefusesAnUnknownVersionToo() throws Exception {
    writeFileOfVersion(SpoolSchema.VERSION + 1);

    SpoolAccessException refused =
        assertThrows(SpoolAccessException.class, () -> SpoolView.open(dir));
    assertTrue(
        String.valueOf(refused.getCause().getMessage())
            .contains("has schema version " + (SpoolSchema.VERSION + 1)),
        refused.getCause().getMessage());
  }
}
