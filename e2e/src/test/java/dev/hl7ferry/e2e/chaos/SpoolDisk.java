package dev.hl7ferry.e2e.chaos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The edge's data directory: on a small tmpfs of its own when this runs as root (so the disk can
 * really fill up: {@link #fill} writes a file until ENOSPC, {@link #free} deletes it), otherwise a
 * plain folder and the disk-full scenario is skipped with {@link #unavailableReason}.
 */
final class SpoolDisk implements AutoCloseable {
  private final Path dataDir;
  private final boolean mounted;
  private final String unavailableReason;

  private SpoolDisk(Path dataDir, boolean mounted, String unavailableReason) {
    this.dataDir = dataDir;
    this.mounted = mounted;
    this.unavailableReason = unavailableReason;
  }

  /** Mounts a tmpfs of {@code mib} MiB at {@code dir} when possible, else uses a plain folder. */
  static SpoolDisk at(Path where, int mib) throws IOException, InterruptedException {
    Path dir = where.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    if (!run("id", "-u").strip().equals("0")) {
      // Not root: mount would fail; the scenario says why it did not run.
      return new SpoolDisk(dir, false, "needs root (mounts a small tmpfs)");
    }
    String out =
        run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m,mode=0700", "tmpfs", dir.toString());
    if (!isMountPoint(dir)) {
      return new SpoolDisk(dir, false, "mount failed: " + out.strip());
    }
    return new SpoolDisk(dir.resolve("spool"), true, null);
  }

  private static boolean isMountPoint(Path dir) throws IOException {
    return Files.readString(Path.of("/proc/self/mounts")).contains(" " + dir + " tmpfs ");
  }

  /** The edge's {@code --data-dir}. */
  Path dataDir() {
    return dataDir;
  }

  /** Null when the disk can fill up for real, else why not. */
  String unavailableReason() {
    return unavailableReason;
  }

  private Path filler() {
    return dataDir.getParent().resolve("filler");
  }

  /** Writes a file until the file system refuses (ENOSPC); returns its size. */
  long fill() throws IOException {
    byte[] block = new byte[64 * 1024];
    long written = 0;
    try (OutputStream out = Files.newOutputStream(filler())) {
      while (true) {
        out.write(block);
        written += block.length;
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
    return written;
  }

  /** Deletes the filler: space again. */
  void free() throws IOException {
    Files.deleteIfExists(filler());
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (mounted) {
      run("umount", dataDir.getParent().toString());
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
