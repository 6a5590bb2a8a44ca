package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.ArchiveBatch;
import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.PayloadStore;
import dev.hl7ferry.edge.ship.ShipException;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.Shipment;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Puts payloads and round archives to S3 with the requested server-side encryption and a SHA-256
 * checksum that S3 verifies on arrival. A refusal S3 will repeat for this object ({@link
 * AwsFailures#permanent}) is reported as permanent; anything else is an outage.
 */
public final class S3PayloadStore implements PayloadStore {

  private final S3Client s3;
  private final ShipSettings settings;

  public S3PayloadStore(S3Client s3, ShipSettings settings) {
    this.s3 = s3;
    this.settings = settings;
  }

  @Override
  public void put(Shipment shipment) throws ShipException {
    put(
        shipment.key(),
        "application/hl7-v2",
        shipment.metadata(),
        shipment.sha256Base64(),
        shipment.payload(),
        true);
  }

  @Override
  public void putArchive(ArchiveBatch batch) throws ShipException {
    Map<String, String> metadata =
        Map.of("site", settings.site(), "index", batch.indexKey(), "format", "gzip-members-v1");
    put(batch.key(), "application/gzip", metadata, sha256(batch.data()), batch.data(), false);
    byte[] index = batch.index().toJson();
    put(batch.indexKey(), "application/json", Map.of(), sha256(index), index, false);
  }

  private void put(
      String key,
      String contentType,
      Map<String, String> metadata,
      String sha256Base64,
      byte[] bytes,
      boolean oneEntry)
      throws ShipException {
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(key)
            .contentType(contentType)
            .metadata(metadata)
            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .checksumSHA256(sha256Base64);
    if (settings.encryption() == Encryption.S3_MANAGED) {
      request.serverSideEncryption(ServerSideEncryption.AES256);
    } else if (settings.encryption() == Encryption.KMS) {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS);
      if (!settings.kmsKeyId().isEmpty()) {
        request.ssekmsKeyId(settings.kmsKeyId());
      }
    }
    try {
      s3.putObject(request.build(), RequestBody.fromBytes(bytes));
    } catch (SdkException e) {
      throw new ShipException(
          "PutObject s3://" + settings.bucket() + "/" + key + " " + AwsFailures.reason(e),
          e,
          oneEntry && AwsFailures.permanent(e));
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
