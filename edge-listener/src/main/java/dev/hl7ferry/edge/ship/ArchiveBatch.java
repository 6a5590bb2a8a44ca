package dev.hl7ferry.edge.ship;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * One shipping round's raw archive: a gzip file made of one gzip member per message (concatenated
 * members are one valid gzip stream, so {@code zcat} prints every message in receive order), and an
 * {@link ArchiveIndex} naming each member's byte range so one message is read back with a ranged
 * GET. Bytes are deterministic (gzip header without a time), so writing the same round again writes
 * the same bytes.
 *
 * <pre>
 * archive/{site}/{yyyy}/{MM}/{dd}/{firstSeq}-{lastSeq}.hl7.gz       member 1 | member 2 | ...
 * archive/{site}/{yyyy}/{MM}/{dd}/{firstSeq}-{lastSeq}.index.json   {"entries":[{"offset":0,...
 * </pre>
 *
 * @param key the archive object's key (date of the first entry's receipt, UTC; sequences padded)
 * @param indexKey the index object's key
 * @param data the concatenated gzip members
 * @param index where each message is
 */
public record ArchiveBatch(String key, String indexKey, byte[] data, ArchiveIndex index) {

  /**
   * The archive of {@code round}: {@link Shipment#archived} ones become members, claim checks are
   * listed with their own key, others are left out. Empty when nothing is to be archived.
   */
  public static Optional<ArchiveBatch> of(String site, List<Shipment> round) {
    List<Shipment> listed =
        round.stream().filter(s -> s.archived() || (!s.inline() && s.putPerMessage())).toList();
    if (listed.stream().noneMatch(Shipment::archived)) {
      return Optional.empty();
    }
    Shipment first = listed.get(0);
    ZonedDateTime at = first.receivedAt().atZone(ZoneOffset.UTC);
    String base =
        String.format(
            "archive/%s/%04d/%02d/%02d/%012d-%012d",
            site,
            at.getYear(),
            at.getMonthValue(),
            at.getDayOfMonth(),
            first.sequence(),
            listed.get(listed.size() - 1).sequence());
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    List<ArchiveIndex.Entry> entries = new ArrayList<>(listed.size());
    for (Shipment s : listed) {
      Long offset = null;
      Long length = null;
      if (s.archived()) {
        offset = (long) data.size();
        member(data, s.payload());
        length = data.size() - offset;
      }
      entries.add(
          new ArchiveIndex.Entry(
              s.entryId(),
              s.sequence(),
              s.controlId(),
              s.sha256Hex(),
              s.payload().length,
              s.receivedAt().toString(),
              offset,
              length,
              s.archived() ? null : s.key()));
    }
    String key = base + ".hl7.gz";
    return Optional.of(
        new ArchiveBatch(
            key,
            base + ".index.json",
            data.toByteArray(),
            new ArchiveIndex(ArchiveIndex.VERSION, site, key, List.copyOf(entries))));
  }

  /** The ids of the messages stored as members of this archive. */
  public List<String> memberIds() {
    return index.entries().stream()
        .filter(ArchiveIndex.Entry::inArchive)
        .map(ArchiveIndex.Entry::id)
        .toList();
  }

  /** Closing the gzip stream finishes the member; closing a ByteArrayOutputStream does nothing. */
  private static void member(ByteArrayOutputStream out, byte[] payload) {
    try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
      gzip.write(payload);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory", e);
    }
  }
}
