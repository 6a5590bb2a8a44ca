package dev.hl7ferry.edge.aws;

import dev.hl7ferry.edge.ship.CloudSettings;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A real S3 + SQS implementation the shipper scenarios run against, able to go down and up. */
interface CloudUnderTest {

  CloudSettings settings();

  AwsCredentialsProvider credentials();

  /** A bucket that exists. */
  String bucket();

  /** Makes both services unreachable (requests fail or time out). */
  void down();

  /** Brings them back on the same endpoints; queue contents may be lost. */
  void up();

  /** Whether S3 really enforces SSE-KMS (false for the local cloud: headers are only echoed). */
  default boolean realKms() {
    return false;
  }
}
