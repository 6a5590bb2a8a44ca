package dev.hl7ferry.edge.spool.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads entries' payloads back from the journal, where the index points ({@code journal_segment},
 * {@code journal_offset}): each frame's CRC and sequence are checked, so a damaged or misplaced
 * frame is an error, never another message's bytes. Keeps the segments it opened until closed: one
 * reader per query.
 */
public final class JournalReader implements AutoCloseable {
  /** The first read of a frame: the header and a body of up to about 4 KB. */
  private static final int FIRST_READ_BYTES = 4096;

  private final Path directory;
  private final Map<Long, FileChannel> open = new HashMap<>();

  public JournalReader(Path directory) {
    this.directory = directory;
  }

  /** The payload of the entry with {@code sequence}, whose frame starts at {@code offset}. */
  public byte[] payload(long segment, long offset, long sequence) throws IOException {
    FileChannel channel = open.get(segment);
    if (channel == null) {
      channel = FileChannel.open(JournalSegments.path(directory, segment), StandardOpenOption.READ);
      open.put(segment, channel);
    }
    // One read takes the header and, for most messages, the whole body with it.
    ByteBuffer frame = ByteBuffer.allocate(FIRST_READ_BYTES);
    while (frame.position() < JournalRecord.HEADER_BYTES) {
      if (channel.read(frame, offset + frame.position()) < 0) {
        throw new IOException("journal segment ends before the frame at " + offset);
      }
    }
    int length = JournalRecord.bodyLength(frame.getInt(0));
    if (length < 0) {
      throw damaged(segment, offset, sequence, "no frame there");
    }
    int crc = frame.getInt(Integer.BYTES);
    ByteBuffer body;
    if (frame.position() >= JournalRecord.HEADER_BYTES + length) {
      body =
          frame
              .flip()
              .position(JournalRecord.HEADER_BYTES)
              .limit(JournalRecord.HEADER_BYTES + length)
              .slice();
    } else {
      body = ByteBuffer.allocate(length);
      body.put(
          frame.array(), JournalRecord.HEADER_BYTES, frame.position() - JournalRecord.HEADER_BYTES);
      readFully(channel, body, offset + JournalRecord.HEADER_BYTES);
      body.flip();
    }
    if (!JournalRecord.intact(body, crc)) {
      throw damaged(segment, offset, sequence, "checksum mismatch");
    }
    JournalRecord.SequencedPayload record = JournalRecord.payload(body);
    if (record.sequence() != sequence) {
      throw damaged(segment, offset, sequence, "frame of sequence " + record.sequence());
    }
    return record.payload();
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("journal segment ends before the frame at " + position);
      }
    }
  }

  private IOException damaged(long segment, long offset, long sequence, String why) {
    return new IOException(
        "payload of spool entry "
            + sequence
            + " unreadable in journal segment "
            + JournalSegments.path(directory, segment).getFileName()
            + " at byte "
            + offset
            + ": "
            + why);
  }

  @Override
  public void close() {
    for (FileChannel channel : open.values()) {
      try {
        channel.close();
      } catch (IOException e) {
        // read-only: nothing was pending
      }
    }
    open.clear();
  }
}
