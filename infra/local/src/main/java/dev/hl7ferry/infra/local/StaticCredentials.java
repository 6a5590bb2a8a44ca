package dev.hl7ferry.infra.local;

/**
 * The fixed access key pair the local cloud accepts. Not a secret: it only opens servers bound to
 * the loopback interface.
 */
public record StaticCredentials(String accessKeyId, String secretAccessKey) {

  /** What every local cloud uses, so a person can paste them into the AWS CLI. */
  public static final StaticCredentials LOCAL =
      new StaticCredentials("hl7-ferry-local", "hl7-ferry-local-secret");
}
