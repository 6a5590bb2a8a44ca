package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.ArchiveIndex;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Finds one message in a batch archive again without reading the whole object: reads the round's
 * index ({@code ….index.json}), then fetches only that message's gzip member with a ranged
 * GetObject (or its own object, for a claim check) and checks its SHA-256.
 */
public final class S3ArchiveReader {

  private final S3Client s3;
  private final String bucket;

  public S3ArchiveReader(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** The index stored under {@code indexKey}. */
  public ArchiveIndex index(String indexKey) {
    return ArchiveIndex.parse(
        s3.getObjectAsBytes(b -> b.bucket(bucket).key(indexKey)).asByteArray());
  }

  /** The raw bytes of entry {@code entryId} of the round indexed under {@code indexKey}. */
  public Optional<byte[]> read(String indexKey, String entryId) {
    ArchiveIndex index = index(indexKey);
    return index.find(entryId).map(entry -> read(index, entry));
  }

  /** The raw bytes of {@code entry}, checked against its SHA-256. */
  public byte[] read(ArchiveIndex index, ArchiveIndex.Entry entry) {
    byte[] bytes;
    if (entry.inArchive()) {
      byte[] member =
          s3.getObjectAsBytes(b -> b.bucket(bucket).key(index.object()).range(entry.range()))
              .asByteArray();
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("archive member of " + entry.id() + " unreadable", e);
      }
    } else {
      bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(entry.key())).asByteArray();
    }
    String sha = sha256(bytes);
    if (!sha.equals(entry.sha256())) {
      throw new IllegalStateException(
          "archive entry " + entry.id() + " has sha256 " + sha + ", index says " + entry.sha256());
    }
    return bytes;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
