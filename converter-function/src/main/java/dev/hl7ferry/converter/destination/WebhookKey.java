package dev.hl7ferry.converter.destination;

import java.util.regex.Pattern;

/**
 * Where a webhook's HMAC key comes from: the value of an environment variable ({@code secretEnv},
 * read when the routes file loads) or a Secrets Manager secret ({@code secretArn}, read at the
 * first post and kept for the instance). The key's bytes never appear in {@code toString}.
 */
public sealed interface WebhookKey permits WebhookKey.FromEnv, WebhookKey.FromSecret {

  /** What error messages name: the variable or the ARN, never the key. */
  String source();

  /**
   * The key read from environment variable {@code env}.
   *
   * @param bytes the key (UTF-8 of the variable's value)
   */
  record FromEnv(String env, byte[] bytes) implements WebhookKey {
    @Override
    public String source() {
      return "secretEnv " + env;
    }

    @Override
    public String toString() {
      return "FromEnv[" + env + "]";
    }
  }

  /** The key held by the Secrets Manager secret {@code arn} (its string or binary value). */
  record FromSecret(String arn) implements WebhookKey {
    /**
     * A Secrets Manager secret ARN: {@code
     * arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME}.
     */
    public static final Pattern ARN =
        Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[^\\s]+");

    public FromSecret {
      if (arn == null || !ARN.matcher(arn).matches()) {
        throw new IllegalArgumentException("not a Secrets Manager secret ARN");
      }
    }

    @Override
    public String source() {
      return "secretArn " + arn;
    }
  }
}
