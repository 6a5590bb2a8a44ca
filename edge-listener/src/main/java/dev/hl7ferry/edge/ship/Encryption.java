package dev.hl7ferry.edge.ship;

/** Server-side encryption requested for each stored payload. */
public enum Encryption {
  /** No encryption header (the bucket's default encryption still applies). */
  NONE,
  /** SSE-S3: keys managed by S3 (AES256). */
  S3_MANAGED,
  /** SSE-KMS with {@link ShipSettings#kmsKeyId()} (or the account's default key when empty). */
  KMS
}
