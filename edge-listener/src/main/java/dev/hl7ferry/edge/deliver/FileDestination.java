package dev.hl7ferry.edge.deliver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Delivers outputs as files in a directory, each written atomically ({@link AtomicFiles}) under a
 * name from a {@link FileNamePattern}. A name that already exists is replaced: with a pattern
 * without {@code {timestamp}} a resend after a crash rewrites the same file instead of adding a
 * copy. Any I/O error (directory missing, disk full, no permission) is transient: the output waits
 * until an operator fixes the directory.
 */
public final class FileDestination implements Destination {
  private final String name;
  private final Path dir;
  private final FileNamePattern pattern;
  private final Clock clock;

  public FileDestination(String name, Path dir, FileNamePattern pattern, Clock clock) {
    this.name = name;
    this.dir = dir.toAbsolutePath().normalize();
    this.pattern = pattern;
    this.clock = clock;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DeliveryResult deliver(Output output) {
    String fileName = pattern.render(output, clock.instant());
    if (!Files.isDirectory(dir)) {
      return DeliveryResult.transientFailure("directory " + dir + " does not exist");
    }
    try {
      AtomicFiles.write(dir, fileName, output.payload());
      return DeliveryResult.delivered("written " + fileName);
    } catch (IOException e) {
      return DeliveryResult.transientFailure("cannot write " + fileName + " in " + dir + ": " + e);
    }
  }

  @Override
  public void close() {
    // Nothing held between deliveries.
  }
}
