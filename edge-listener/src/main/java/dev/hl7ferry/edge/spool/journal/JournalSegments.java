package dev.hl7ferry.edge.spool.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's files: {@code journal/<first sequence, 20 digits>.journal}, appended in sequence
 * order, a new segment once the next frame would not fit in the current one. Entries' payloads stay
 * in their segment; a segment is deleted once no entry needs it (the index's {@code
 * SegmentRetirement}). Recovery reads the segments in order and stops a segment at the first frame
 * that is short or fails its CRC: the tail a crash cut off, which was never acknowledged
 * (acknowledgements wait for the fsync that covers the whole frame).
 */
public final class JournalSegments {
  private static final Logger log = LoggerFactory.getLogger(JournalSegments.class);

  public static final String DIRECTORY = "journal";
  private static final String SUFFIX = ".journal";

  /** One segment file and the first sequence it may hold. */
  public record Segment(long firstSequence, Path path) {}

  /**
   * Takes each intact record with where it is: the segment's first sequence, the frame's offset.
   */
  @FunctionalInterface
  public interface RecordVisitor {
    void accept(JournalRecord.Decoded record, long segment, long offset);
  }

  private JournalSegments() {}

  public static Path directory(Path dataDir) {
    return dataDir.resolve(DIRECTORY);
  }

  public static Path path(Path directory, long firstSequence) {
    return directory.resolve(String.format("%020d%s", firstSequence, SUFFIX));
  }

  /** The segments in {@code directory}, oldest first; none when it does not exist. */
  public static List<Segment> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Segment> segments = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length()) {
          try {
            segments.add(new Segment(Long.parseLong(name.substring(0, 20)), file));
          } catch (NumberFormatException e) {
            log.warn("ignoring journal file with a foreign name: {}", name);
          }
        }
      }
    }
    segments.sort((a, b) -> Long.compare(a.firstSequence(), b.firstSequence()));
    return segments;
  }

  /**
   * Hands every intact record of every segment to {@code sink}, in order, and returns the last
   * sequence seen (0 if none). A segment ends at its first frame that is short or fails its CRC: at
   * the end of the last segment that is the tail a crash cut off, never acknowledged; anywhere else
   * it is a disk fault (the journal never leaves a gap), logged as an error.
   */
  public static long recover(Path directory, RecordVisitor sink) throws IOException {
    return scan(directory, sink, true);
  }

  /**
   * How many intact records past {@code after} the journal holds, without a word in the log: for
   * the spool command, which may read while the edge appends (a frame being written looks torn).
   */
  public static long countAfter(Path directory, long after) throws IOException {
    long[] count = {0};
    scan(
        directory,
        (record, segment, offset) -> count[0] += record.sequence() > after ? 1 : 0,
        false);
    return count[0];
  }

  private static long scan(Path directory, RecordVisitor sink, boolean report) throws IOException {
    List<Segment> segments = list(directory);
    long last = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      long unwrittenFrom = -1;
      try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
        long size = channel.size();
        ByteBuffer all = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        long valid = 0;
        while (true) {
          int at = all.position();
          JournalRecord.Decoded record = next(all);
          if (record == null) {
            break;
          }
          valid = all.position();
          last = Math.max(last, record.sequence());
          sink.accept(record, segment.firstSequence(), at);
        }
        if (!report) {
          continue;
        }
        if (zeros(all, valid)) {
          // The prepared, never written part of the segment.
          unwrittenFrom = valid < size ? valid : -1;
        } else if (i == segments.size() - 1) {
          log.warn(
              "journal segment {} ends in {} bytes of an unfinished frame: a crash during a write,"
                  + " never acknowledged",
              segment.path().getFileName(),
              size - valid);
        } else {
          log.error(
              "journal segment {} is damaged at byte {} of {}: the rest of it is unreadable",
              segment.path().getFileName(),
              valid,
              size);
        }
      } catch (java.nio.file.NoSuchFileException gone) {
        // retired by a running edge while we looked: the index holds its records
      }
      if (unwrittenFrom >= 0) {
        giveBackUnwritten(segment.path(), unwrittenFrom);
      }
    }
    return last;
  }

  /**
   * Cuts the zeros a segment was prepared with off after its last record, at recovery: the journal
   * never appends to a segment from before its start (it opens a new one), so without this every
   * crash would hold a segment's unwritten size of disk until the segment is retired.
   */
  private static void giveBackUnwritten(Path segment, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(size);
      channel.force(true);
    }
  }

  private static boolean zeros(ByteBuffer all, long from) {
    for (int i = (int) from; i < all.limit(); i++) {
      if (all.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The next intact record at the buffer's position, or null (end, short or damaged frame). */
  private static JournalRecord.Decoded next(ByteBuffer all) {
    if (all.remaining() < JournalRecord.HEADER_BYTES) {
      return null;
    }
    int start = all.position();
    int length = JournalRecord.bodyLength(all.getInt(start));
    int crc = all.getInt(start + Integer.BYTES);
    int bodyStart = start + JournalRecord.HEADER_BYTES;
    if (length < 0 || all.limit() - bodyStart < length) {
      return null;
    }
    ByteBuffer body = all.slice(bodyStart, length);
    if (!JournalRecord.intact(body, crc)) {
      return null;
    }
    JournalRecord.Decoded record = JournalRecord.decode(body);
    all.position(bodyStart + length);
    return record;
  }

  /** Forces the directory entry of a new segment to disk (so the file itself survives a crash). */
  public static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
