package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import dev.hl7ferry.infra.local.LocalCloud;
import dev.hl7ferry.infra.local.LocalCloudConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The shipper scenarios against the in-process local cloud (S3Proxy + ElasticMQ). */
class LocalCloudShipperTest extends ShipperScenarios {

  private static LocalCloudConfig config;
  private static LocalCloud cloud;

  @BeforeAll
  static void startCloud() {
    // In-memory S3: S3Proxy's filesystem store answers 501 to SSE headers, the in-memory store
    // records them. Queues are recreated per test (and after each simulated outage).
    cloud = LocalCloud.start(LocalCloudConfig.defaults());
    config = cloud.config().withPorts(cloud.s3Port(), cloud.sqsPort());
  }

  @AfterAll
  static void stopCloud() {
    if (cloud != null) {
      cloud.close();
    }
  }

  /** The envelope version 2 scenarios on the same local cloud. */
  @Nested
  class Shipping extends ShippingScenarios {
    @Override
    protected CloudUnderTest cloud() {
      return LocalCloudShipperTest.this.cloud();
    }
  }

  @Override
  protected CloudUnderTest cloud() {
    return new CloudUnderTest() {
      @Override
      public CloudSettings settings() {
        return CloudSettings.endpoints(cloud.region(), cloud.s3Endpoint(), cloud.sqsEndpoint());
      }

      @Override
      public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(
            AwsBasicCredentials.create(cloud.accessKeyId(), cloud.secretAccessKey()));
      }

      @Override
      public String bucket() {
        return cloud.bucket();
      }

      @Override
      public void down() {
        cloud.close();
      }

      @Override
      public void up() {
        cloud = LocalCloud.start(config);
      }
    };
  }
}
