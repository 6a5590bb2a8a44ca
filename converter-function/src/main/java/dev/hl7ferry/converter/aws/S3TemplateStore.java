package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.store.TemplateStore;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The template store under an S3 prefix (default {@code templates/}); ETags from the listing. */
public final class S3TemplateStore implements TemplateStore {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  public S3TemplateStore(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
  }

  @Override
  public Map<String, String> list() throws IOException {
    Map<String, String> out = new TreeMap<>();
    try {
      for (S3Object o :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        String name = o.key().substring(prefix.length());
        if (!name.isEmpty() && !name.endsWith("/")) {
          out.put(name, o.eTag());
        }
      }
    } catch (SdkException e) {
      throw new IOException("listing " + describe() + " failed", e);
    }
    return out;
  }

  @Override
  public byte[] read(String name) throws IOException {
    try {
      return s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + name)).asByteArray();
    } catch (SdkException e) {
      throw new IOException("reading " + describe() + name + " failed", e);
    }
  }

  @Override
  public String describe() {
    return "s3://" + bucket + "/" + prefix;
  }
}
