package dev.hl7ferry.edge.deliver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a reader of the directory sees it whole or not at all: the bytes go to a
 * hidden temporary file in the same directory, are forced to disk, and the file is renamed into
 * place atomically; the directory is then forced so the rename survives a crash.
 */
public final class AtomicFiles {
  /** Temporary files start with this, so directory watchers that skip dot files never see them. */
  public static final String TEMP_PREFIX = ".partial-";

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code dir/name}, replacing a file of that name. */
  public static Path write(Path dir, String name, byte[] bytes) throws IOException {
    Path target = dir.resolve(name);
    if (!target.getParent().equals(dir)) {
      throw new IOException("file name '" + name + "' leaves the directory");
    }
    Path temp = Files.createTempFile(dir, TEMP_PREFIX, ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    forceDirectory(dir);
    return target;
  }

  private static void forceDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms (Windows) cannot open a directory; the rename is then as durable as the
      // file system makes it.
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }
}
