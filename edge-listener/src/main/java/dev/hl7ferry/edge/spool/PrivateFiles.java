package dev.hl7ferry.edge.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool holds PHI: its directories are made 0700 and its files 0600 when created, whatever the
 * umask, and a start warns about anything looser. On file systems without POSIX permissions
 * (Windows) nothing is set; there the disk's encryption and the directory's ACL protect it.
 */
public final class PrivateFiles {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Whether this file system has POSIX permissions (false on Windows). */
  public static boolean posix() {
    return POSIX;
  }

  /** Creates {@code dir} and any missing parents as 0700; existing ones are left as they are. */
  public static void createDirectories(Path dir) throws IOException {
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Opens {@code file}; when the options create it, it is created 0600. */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    FileAttribute<?>[] attributes =
        POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
            : new FileAttribute<?>[0];
    return FileChannel.open(file, Set.of(options), attributes);
  }

  /**
   * Sets an existing file to 0600, for files another library creates with the umask's default
   * (SQLite's database; its WAL and shared-memory files copy the database's permissions).
   */
  public static void restrict(Path file) throws IOException {
    if (POSIX && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }

  /**
   * Warns once per path under {@code dataDir} (itself included) that other users could read: a
   * directory not 0700, a file not 0600 (one line each, with the path and its mode). A subdirectory
   * that is a store of its own (the outbound store, the receipts: it has a {@code spool.db}) is
   * left to that store's own check when it opens, so no path is reported twice. Returns those
   * paths; never refuses to start.
   */
  public static List<Path> warnIfLoose(Path dataDir) throws IOException {
    List<Path> loose = new ArrayList<>();
    if (!POSIX || !Files.isDirectory(dataDir)) {
      return loose;
    }
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (insideAnotherStore(dataDir, path)) {
          continue;
        }
        boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> actual =
            Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> wanted = directory ? DIRECTORY : FILE;
        if (!wanted.containsAll(actual)) {
          loose.add(path);
          LOG.warn(
              "{} is {} (expected {}): other users may read spooled messages; chmod it",
              path,
              PosixFilePermissions.toString(actual),
              PosixFilePermissions.toString(wanted));
        }
      }
    }
    return loose;
  }

  private static boolean insideAnotherStore(Path dataDir, Path path) {
    for (Path p = path; p != null && !p.equals(dataDir); p = p.getParent()) {
      if (p.getParent() != null
          && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
          && Files.exists(p.resolve("spool.db"), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }
}
