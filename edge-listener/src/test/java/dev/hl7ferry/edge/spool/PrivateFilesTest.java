package dev.hl7ferry.edge.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hl7ferry.edge.TestMessages;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(PrivateFiles.posix(), "no POSIX permissions on this file system");
  }

  @Test
  void everySpoolFileIs0600AndEveryDirectory0700AfterAStore() throws Exception {
    Path dataDir = dir.resolve("site").resolve("data");
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000))) {
      spool.store(TestMessages.message("P1")).get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (spool.unshipped(0, 10).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, spool.unshipped(0, 10).size());

      List<String> seen = new ArrayList<>();
      try (Stream<Path> paths = Files.walk(dir.resolve("site"))) {
        for (Path path : (Iterable<Path>) paths::iterator) {
          boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
          String mode =
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
          assertEquals(directory ? "rwx------" : "rw-------", mode, path.toString());
          seen.add(dir.relativize(path).toString());
        }
      }
      assertTrue(seen.contains("site/data/spool.db"), seen.toString());
      assertTrue(seen.contains("site/data/spool.db-wal"), seen.toString());
      assertTrue(seen.contains("site/data/journal/lock"), seen.toString());
      assertTrue(seen.stream().anyMatch(p -> p.startsWith("site/data/journal/0")), seen.toString());
    }
  }

  @Test
  void aStartNamesEveryPathOtherUsersCouldRead() throws Exception {
    Path dataDir = dir.resolve("data");
    try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000))) {
      spool.store(TestMessages.message("P2")).get(10, TimeUnit.SECONDS);
    }
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(
        dataDir.resolve("spool.db"), PosixFilePermissions.fromString("rw-r--r--"));

    assertEquals(List.of(dataDir, dataDir.resolve("spool.db")), PrivateFiles.warnIfLoose(dataDir));
    // Still opens: a warning, not a refusal.
    SqliteSpool.open(SpoolSettings.of(dataDir, 1L << 30, 1000)).close();
  }

  @Test
  void theOutboundStoreAndTheReceiptsAreCheckedEachOnceByTheirOwnStore() throws Exception {
    Path dataDir = dir.resolve("site");
    for (Path store : List.of(dataDir, dataDir.resolve("outbound"), dataDir.resolve("receipts"))) {
      try (SqliteSpool spool = SqliteSpool.open(SpoolSettings.of(store, 1L << 30, 1000))) {
        spool.store(TestMessages.message("P3")).get(10, TimeUnit.SECONDS);
      }
    }
    Path outboundDb = dataDir.resolve("outbound").resolve("spool.db");
    Path receipts = dataDir.resolve("receipts");
    Files.setPosixFilePermissions(outboundDb, PosixFilePermissions.fromString("rw-rw-r--"));
    Files.setPosixFilePermissions(receipts, PosixFilePermissions.fromString("rwxr-x---"));

    assertEquals(List.of(), PrivateFiles.warnIfLoose(dataDir));
    assertEquals(List.of(outboundDb), PrivateFiles.warnIfLoose(dataDir.resolve("outbound")));
    assertEquals(List.of(receipts), PrivateFiles.warnIfLoose(receipts));
  }
}
