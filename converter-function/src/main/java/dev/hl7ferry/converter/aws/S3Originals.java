package dev.hl7ferry.converter.aws;

import dev.hl7ferry.contract.result.Correlation;
import dev.hl7ferry.converter.original.Original;
import dev.hl7ferry.converter.original.Originals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Originals in the function's bucket: the payload at {@code originals/{site}/entries/{id}.hl7} and
 * the index object {@code originals/{site}/by-message/{sha256}} holding the entry id, put at once.
 * A lookup is one GetObject by entry id, or two (index, then payload) by MSH-3/4/10.
 */
public final class S3Originals implements Originals {
  /** Runs the index put beside the payload put (daemon threads, made as needed, reused). */
  private static final Executor SECOND_CALL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "originals-put");
            t.setDaemon(true);
            return t;
          });

  private final S3Client s3;
  private final String bucket;
  private final long maxBytes;

  /**
   * @param maxBytes the largest original read back (the converter's input limit)
   */
  public S3Originals(S3Client s3, String bucket, long maxBytes) {
    this.s3 = s3;
    this.bucket = bucket;
    this.maxBytes = maxBytes;
  }

  @Override
  public void put(String site, Original original) throws IOException {
    String key = Original.payloadKey(site, original.entryId());
    String index =
        Original.indexKey(
            site, original.sendingApplication(), original.sendingFacility(), original.controlId());
    // Both at once: the record's cloud sends wait for the two. An index whose payload is not (yet)
    // there reads as no original, which the result's record retries.
    CompletableFuture<?> indexPut =
        CompletableFuture.runAsync(
            () ->
                s3.putObject(
                    b -> b.bucket(bucket).key(index).contentType("text/plain"),
                    RequestBody.fromString(original.entryId(), StandardCharsets.US_ASCII)),
            SECOND_CALL);
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType("application/hl7-v2"),
          RequestBody.fromBytes(original.payload()));
      indexPut.join();
    } catch (SdkException e) {
      indexPut.exceptionally(ignored -> null).join();
      throw new IOException("PutObject of original " + original.entryId() + " failed", e);
    } catch (CompletionException e) {
      throw new IOException(
          "PutObject of the index of original " + original.entryId() + " failed", e.getCause());
    }
  }

  @Override
  public Optional<Original> find(String site, Correlation correlation) throws IOException {
    String entryId = correlation.entryId();
    if (!correlation.byEntryId()) {
      Optional<byte[]> id =
          read(
              Original.indexKey(
                  site,
                  correlation.sendingApplication(),
                  correlation.sendingFacility(),
                  correlation.controlId()),
              128);
      if (id.isEmpty()) {
        return Optional.empty();
      }
      entryId = new String(id.get(), StandardCharsets.US_ASCII);
    }
    Optional<byte[]> payload = read(Original.payloadKey(site, entryId), maxBytes);
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Original(
            entryId,
            correlation.sendingApplication(),
            correlation.sendingFacility(),
            correlation.controlId(),
            payload.get()));
  }

  private Optional<byte[]> read(String key, long limit) throws IOException {
    try {
      byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
      if (bytes.length > limit) {
        throw new IOException(
            "s3://" + bucket + "/" + key + " holds more than " + limit + " bytes");
      }
      return Optional.of(bytes);
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw new IOException("GetObject s3://" + bucket + "/" + key + " failed", e);
    }
  }
}
