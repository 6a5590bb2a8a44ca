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
    ByteBuffer header = ByteBuffer.allocate(JournalRecord.HEADER_BYTES);
    readFully(channel, header, offset);
    int length = JournalRecord.bodyLength(header.getInt(0));
    if (length < 0) {
      throw damaged(segment, offset, sequence, "no frame there");
    }
    ByteBuffer body = ByteBuffer.allocate(length);
    readFully(channel, body, offset + JournalRecord.HEADER_BYTES);
    body.flip();
    if (!JournalRecord.intact(body, header.getInt(Integer.BYTES))) {
      throw damaged(segment, offset, sequence, "checksum mismatch");
    }
    JournalRecord.Decoded record = JournalRecord.decode(body);
    if (record.sequence() != sequence) {
      throw damaged(segment, offset, sequence, "frame of sequence " + record.sequence());
    }
    return record.message().payload();
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
