package dev.hl7ferry.edge.spool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs of its own for a test that needs a disk that is really full: {@link #fill} writes a
 * file until ENOSPC, {@link #free} deletes it. Mounting needs root: {@link #mount} returns null
 * otherwise (with {@link #whyNot} saying so), for the test to skip.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path root;

  private SmallDisk(Path root) {
    this.root = root;
  }

  /** Why a disk cannot be mounted here, or null when it can (as root). */
  public static String whyNot() throws IOException, InterruptedException {
    return run("id", "-u").strip().equals("0") ? null : "needs root to mount a tmpfs";
  }

  /** Mounts a tmpfs of {@code mib} MiB at {@code dir}; null when that failed. */
  public static SmallDisk mount(Path dir, int mib) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run("mount", "-t", "tmpfs", "-o", "size=" + mib + "m", "tmpfs", dir.toString());
    boolean mounted =
        Files.readString(Path.of("/proc/self/mounts")).contains(" " + dir + " tmpfs ");
    return mounted ? new SmallDisk(dir) : null;
  }

  /** The mounted directory. */
  public Path root() {
    return root;
  }

  /** Writes a file until the file system refuses (ENOSPC). */
  public void fill() throws IOException {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler())) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
  }

  /** Deletes the filler: space again. */
  public void free() throws IOException {
    Files.deleteIfExists(filler());
  }

  private Path filler() {
    return root.resolve("filler");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", root.toString());
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }
}
