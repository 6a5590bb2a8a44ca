package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per spool directory: an exclusive lock on {@code journal/lock}, held while the spool
 * is open. A second edge (or a tool that writes) on the same directory fails at once instead of
 * interleaving its appends with ours. The operating system drops the lock when the process dies,
 * SIGKILL included.
 */
public final class JournalLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private JournalLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static JournalLock acquire(Path journalDirectory) throws IOException {
    PrivateFiles.createDirectories(journalDirectory);
    FileChannel channel =
        PrivateFiles.open(
            journalDirectory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(
          "spool in " + journalDirectory.getParent() + " is in use by another process");
    }
    return new JournalLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    try (channel) {
      lock.release();
    }
  }
}
