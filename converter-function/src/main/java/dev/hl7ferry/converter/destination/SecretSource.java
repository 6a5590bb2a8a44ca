package dev.hl7ferry.converter.destination;

import java.io.IOException;

/**
 * Reads a secret's value by its ARN: Secrets Manager in the function ({@code aws}), {@link
 * CachedSecrets} in front so each secret is fetched once per instance.
 */
@FunctionalInterface
public interface SecretSource {

  /** A source for functions without secrets by ARN: every read fails naming why. */
  SecretSource NONE =
      arn -> {
        throw new IOException("no secret source in this process for secretArn " + arn);
      };

  /**
   * The secret's value (never logged, never part of an exception message).
   *
   * @throws IOException when it cannot be read; the message names the ARN and the reason
   */
  byte[] read(String arn) throws IOException;
}
