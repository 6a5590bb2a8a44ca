package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.dispatch.PayloadStore;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Payloads, outputs and error records in S3. */
public final class S3Payloads implements PayloadStore {
  private final S3Client s3;

  public S3Payloads(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public byte[] get(String bucket, String key) throws IOException {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    } catch (SdkException e) {
      throw new IOException("GetObject s3://" + bucket + "/" + key + " failed", e);
    }
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
