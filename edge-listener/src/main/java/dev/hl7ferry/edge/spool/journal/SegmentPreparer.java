package dev.hl7ferry.edge.spool.journal;

import dev.hl7ferry.edge.spool.PrivateFiles;
import dev.hl7ferry.edge.spool.SpoolSettings;
import dev.hl7ferry.edge.spool.SpoolThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes the journal's next segment ahead of time, on a thread of its own: a file of {@link
 * SpoolSettings#journalSegmentBytes} zeros, written and fsynced. Appends then only overwrite blocks
 * the file system has already allocated, so a synchronous write needs no metadata update (no
 * file-system journal commit) and costs one data write and one cache flush; and the zero-filling
 * never stalls an ACK. The journal renames the prepared file to its real name when it starts using
 * it.
 */
final class SegmentPreparer implements AutoCloseable {
  private static final String PREPARED = "next.prepared";

  private final Path directory;
  private final long size;
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(task -> SpoolThreads.newThread(task, "spool-segment"));
  private CompletableFuture<Path> next;

  SegmentPreparer(Path directory, long size) {
    this.directory = directory;
    this.size = size;
  }

  /**
   * Renames the prepared segment (preparing it now if it is not ready) to {@code target}, makes the
   * rename durable, starts preparing the one after, and opens {@code target} for synchronous writes
   * at position 0.
   */
  FileChannel take(Path target) throws IOException {
    Path prepared;
    try {
      prepared = next == null ? leftOverOrPrepare() : next.join();
    } catch (CompletionException e) {
      next = null;
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
    Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE);
    JournalSegments.syncDirectory(directory);
    next = CompletableFuture.supplyAsync(this::prepareUnchecked, thread);
    return FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
  }

  /**
   * The file a previous run prepared and never used (it only ever holds zeros; renamed away before
   * any frame is written), or a new one.
   */
  private Path leftOverOrPrepare() throws IOException {
    Path file = directory.resolve(PREPARED);
    if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && Files.size(file) == size) {
      return file;
    }
    return prepare();
  }

  private Path prepareUnchecked() {
    try {
      return prepare();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path prepare() throws IOException {
    Path file = directory.resolve(PREPARED);
    try (FileChannel channel =
        PrivateFiles.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
      for (long at = 0; at < size; at += zeros.capacity()) {
        zeros.clear();
        if (size - at < zeros.capacity()) {
          zeros.limit((int) (size - at));
        }
        while (zeros.hasRemaining()) {
          channel.write(zeros, at + zeros.position());
        }
      }
      channel.force(true);
    }
    return file;
  }

  /** Stops the thread; a prepared file stays for the next start. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
