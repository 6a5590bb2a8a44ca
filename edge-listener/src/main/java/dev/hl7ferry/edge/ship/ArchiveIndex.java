package dev.hl7ferry.edge.ship;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The JSON index stored beside a batch archive object ({@code ….index.json}): for every entry of
 * the round where its raw bytes are — a gzip member of the archive object ({@code offset}, {@code
 * length} in the object's bytes) or, for a claim check, its own object ({@code key}).
 *
 * @param version format version, 1
 * @param site the edge's site
 * @param object key of the archive object the offsets refer to
 * @param entries in receive order
 */
public record ArchiveIndex(int version, String site, String object, List<Entry> entries) {
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One message of the round.
   *
   * @param id spool entry id (the envelope id)
   * @param sequence spool sequence
   * @param controlId MSH-10, printable, at most 64 characters
   * @param sha256 hex SHA-256 of the raw bytes
   * @param size raw bytes
   * @param receivedAt ISO-8601 UTC
   * @param offset first byte of its gzip member in the archive object, or null
   * @param length bytes of that member, or null
   * @param key its own object (a claim check), or null
   */
  public record Entry(
      String id,
      long sequence,
      String controlId,
      String sha256,
      long size,
      String receivedAt,
      Long offset,
      Long length,
      String key) {

    /** Whether the bytes are a member of the archive object (else under {@link #key}). */
    public boolean inArchive() {
      return offset != null;
    }

    /** The HTTP range of its member, e.g. {@code bytes=0-99}. */
    public String range() {
      return "bytes=" + offset + "-" + (offset + length - 1);
    }
  }

  /** The entry with id {@code id}, if this round has it. */
  public Optional<Entry> find(String id) {
    return entries.stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The index as UTF-8 JSON. */
  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads an index written by {@link #toJson}. */
  public static ArchiveIndex parse(byte[] json) {
    try {
      ArchiveIndex index = JSON.readValue(json, ArchiveIndex.class);
      if (index.version() != VERSION) {
        throw new IllegalArgumentException("archive index version " + index.version());
      }
      return index;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "not an archive index: " + e.getClass().getSimpleName(), e);
    }
  }
}
