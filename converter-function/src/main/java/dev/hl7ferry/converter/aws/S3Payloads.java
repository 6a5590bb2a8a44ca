package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.dispatch.PayloadStore;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Payloads, outputs and error records in S3. */
public final class S3Payloads implements PayloadStore {
  private final S3Client s3;

  public S3Payloads(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public byte[] get(String bucket, String key, long maxBytes) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
      Long length = in.response().contentLength();
      if (length != null && length > maxBytes) {
        in.abort(); // the connection is dropped rather than drained
        throw tooLarge(bucket, key, length, maxBytes);
      }
      // Content-Length is the server's word: read one byte past the limit to be sure.
      byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > maxBytes) {
        in.abort();
        throw tooLarge(bucket, key, bytes.length, maxBytes);
      }
      return bytes;
    } catch (SdkException e) {
      throw new IOException("GetObject s3://" + bucket + "/" + key + " failed", e);
    }
  }

  private static IOException tooLarge(String bucket, String key, long size, long maxBytes) {
    return new IOException(
        "s3://" + bucket + "/" + key + " holds " + size + " bytes, more than " + maxBytes);
  }

  @Override
  public void put(String bucket, String key, byte[] content, String contentType)
      throws IOException {
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new IOException("PutObject s3://" + bucket + "/" + key + " failed", e);
    }
  }
}
