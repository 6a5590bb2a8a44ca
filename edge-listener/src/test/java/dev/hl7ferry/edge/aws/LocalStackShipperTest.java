package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The shipper scenarios against LocalStack (S3, SQS, KMS) in Docker. Skipped where no Docker engine
 * runs; the image tag is pinned because {@code latest} needs an auth token since 2026. Outages are
 * simulated by pausing the container (requests then time out instead of being refused, the harder
 * case).
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackShipperTest extends ShipperScenarios {

  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.4.0");
  private static final String BUCKET = "hl7-ferry-localstack";

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(IMAGE).withServices("s3", "sqs", "kms");

  @BeforeAll
  static void createBucket() {
    try (AwsClients clients = AwsClients.create(settings(), credentialsOf())) {
      clients.s3().createBucket(b -> b.bucket(BUCKET));
    }
  }

  private static CloudSettings settings() {
    return new CloudSettings(
        LOCALSTACK.getRegion(),
        LOCALSTACK.getEndpoint(),
        LOCALSTACK.getEndpoint(),
        true,
        64,
        Duration.ofSeconds(2),
        Duration.ofSeconds(3));
  }

  private static AwsCredentialsProvider credentialsOf() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
  }

  /** The envelope version 2 scenarios on the same container. */
  @Nested
  class Shipping extends ShippingScenarios {
    @Override
    protected CloudUnderTest cloud() {
      return LocalStackShipperTest.this.cloud();
    }
  }

  @Override
  protected CloudUnderTest cloud() {
    return new CloudUnderTest() {
      @Override
      public CloudSettings settings() {
        return LocalStackShipperTest.settings();
      }

      @Override
      public AwsCredentialsProvider credentials() {
        return credentialsOf();
      }

      @Override
      public String bucket() {
        return BUCKET;
      }

      @Override
      public void down() {
        LOCALSTACK.getDockerClient().pauseContainerCmd(LOCALSTACK.getContainerId()).exec();
      }

      @Override
      public void up() {
        LOCALSTACK.getDockerClient().unpauseContainerCmd(LOCALSTACK.getContainerId()).exec();
      }

      @Override
      public boolean realKms() {
        return true;
      }
    };
  }
}
