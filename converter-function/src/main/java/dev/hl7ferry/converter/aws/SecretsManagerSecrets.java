package dev.hl7ferry.converter.aws;

import dev.hl7ferry.converter.destination.SecretSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads webhook keys with Secrets Manager {@code GetSecretValue} (the current version; its string
 * as UTF-8, else its binary). The client is built at the first read, so a function without {@code
 * secretArn} webhooks never loads it; put {@code CachedSecrets} in front for one call per secret
 * and instance. Errors name the ARN and the SDK's error class, never a value.
 */
public final class SecretsManagerSecrets implements SecretSource {
  private final Supplier<SecretsManagerClient> clients;
  private SecretsManagerClient client;

  public SecretsManagerSecrets(Supplier<SecretsManagerClient> clients) {
    this.clients = clients;
  }

  @Override
  public byte[] read(String arn) throws IOException {
    GetSecretValueResponse response;
    try {
      response = client().getSecretValue(b -> b.secretId(arn));
    } catch (SdkException e) {
      throw new IOException(
          "secret " + arn + " not readable (" + e.getClass().getSimpleName() + ")", e);
    }
    if (response.secretString() != null) {
      return response.secretString().getBytes(StandardCharsets.UTF_8);
    }
    if (response.secretBinary() != null) {
      return response.secretBinary().asByteArray();
    }
    throw new IOException("secret " + arn + " has no value");
  }

  private synchronized SecretsManagerClient client() {
    if (client == null) {
      client = clients.get();
    }
    return client;
  }
}
