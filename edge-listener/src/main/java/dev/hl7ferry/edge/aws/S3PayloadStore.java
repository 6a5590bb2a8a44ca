package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.Encryption;
import dev.hl7ferry.edge.ship.PayloadStore;
import dev.hl7ferry.edge.ship.ShipException;
import dev.hl7ferry.edge.ship.ShipSettings;
import dev.hl7ferry.edge.ship.Shipment;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Puts payloads to S3 with their metadata, the requested server-side encryption and a SHA-256
 * checksum that S3 verifies on arrival.
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
    PutObjectRequest.Builder request =
        PutObjectRequest.builder()
            .bucket(settings.bucket())
            .key(shipment.key())
            .contentType("application/hl7-v2")
            .metadata(shipment.metadata())
            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
            .checksumSHA256(shipment.sha256Base64());
    if (settings.encryption() == Encryption.S3_MANAGED) {
      request.serverSideEncryption(ServerSideEncryption.AES256);
    } else if (settings.encryption() == Encryption.KMS) {
      request.serverSideEncryption(ServerSideEncryption.AWS_KMS);
      if (!settings.kmsKeyId().isEmpty()) {
        request.ssekmsKeyId(settings.kmsKeyId());
      }
    }
    try {
      s3.putObject(request.build(), RequestBody.fromBytes(shipment.payload()));
    } catch (SdkException e) {
      throw new ShipException(
          "PutObject s3://" + settings.bucket() + "/" + shipment.key() + " failed", e);
    }
  }
}
