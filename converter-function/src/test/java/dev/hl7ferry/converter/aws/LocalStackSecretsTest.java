package dev.hl7ferry.converter.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hl7ferry.converter.destination.CachedSecrets;
import dev.hl7ferry.converter.destination.WebhookKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Webhook keys by {@code secretArn} against LocalStack's Secrets Manager in Docker (string and
 * binary secrets, one GetSecretValue per secret and instance, a missing secret named by its ARN);
 * skipped where no Docker engine runs, which is why {@code CachedSecretsTest} and {@code
 * WebhookSenderTest} check the caching and the signing as plain tests too.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackSecretsTest {
  private static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.8.0");

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(IMAGE).withServices("secretsmanager");

  private static SecretsManagerClient secrets;

  @BeforeAll
  static void setUp() {
    secrets =
        SecretsManagerClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
  }

  @AfterAll
  static void tearDown() {
    secrets.close();
  }

  @Test
  void aStringSecretIsReadOncePerInstanceByItsArn() throws Exception {
    String arn = secrets.createSecret(b -> b.name("acme-hook").secretString("hmac-key-1")).arn();
    assertTrue(WebhookKey.FromSecret.ARN.matcher(arn).matches(), arn);
    AtomicInteger clients = new AtomicInteger();
    CachedSecrets cached =
        new CachedSecrets(
            new SecretsManagerSecrets(
                () -> {
                  clients.incrementAndGet();
                  return secrets;
                }));

    assertArrayEquals("hmac-key-1".getBytes(StandardCharsets.UTF_8), cached.read(arn));
    secrets.putSecretValue(b -> b.secretId(arn).secretString("rotated"));
    assertArrayEquals(
        "hmac-key-1".getBytes(StandardCharsets.UTF_8),
        cached.read(arn),
        "kept for the instance: no second GetSecretValue");
    assertEquals(1, clients.get());
    assertArrayEquals(
        "rotated".getBytes(StandardCharsets.UTF_8),
        new SecretsManagerSecrets(() -> secrets).read(arn),
        "a new instance reads the current version");
  }

  @Test
  void aBinarySecretIsReadAsItsBytes() throws Exception {
    byte[] key = {0, 1, 2, (byte) 0xff};
    String arn =
        secrets
            .createSecret(b -> b.name("beta-hook").secretBinary(SdkBytes.fromByteArray(key)))
            .arn();
    assertArrayEquals(key, new SecretsManagerSecrets(() -> secrets).read(arn));
  }

  @Test
  void aMissingSecretFailsNamingItsArnAndTheSdkError() {
    String arn = "arn:aws:secretsmanager:us-east-1:000000000000:secret:nope-AbCdEf";
    IOException e =
        assertThrows(IOException.class, () -> new SecretsManagerSecrets(() -> secrets).read(arn));
    assertTrue(e.getMessage().startsWith("secret " + arn + " not readable ("), e.getMessage());
    assertFalse(e.getMessage().contains("hmac-key"));
  }
}
