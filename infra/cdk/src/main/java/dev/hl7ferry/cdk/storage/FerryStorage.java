package dev.hl7ferry.cdk.storage;

import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Retention;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketMetrics;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The customer-managed KMS key that encrypts everything, and the one bucket: SSE-KMS with a bucket
 * key, public access blocked, TLS only, versioned, a lifecycle per prefix, request metrics per site
 * (the "edge silent" alarm reads them) and server access logs to a second bucket.
 */
public final class FerryStorage extends Construct {
  /** Request-metrics filter id of a site's {@code inbound/{site}/} puts. */
  public static String metricsFilterId(String site) {
    return "inbound-" + site;
  }

  private final Key key;
  private final Bucket bucket;

  public FerryStorage(Construct scope, String id, FerrySettings settings) {
    super(scope, id);
    key =
        Key.Builder.create(this, "Key")
            .description("HL7 Ferry: payloads, outputs, queues, logs and alarm topic")
            .enableKeyRotation(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    // CloudWatch alarms publish to the encrypted alarm topic: SNS asks KMS on their behalf.
    key.grant(
        new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");

    // Server access logs cannot be delivered to an SSE-KMS bucket, hence SSE-S3 here.
    Bucket logs =
        Bucket.Builder.create(this, "AccessLogs")
            .encryption(BucketEncryption.S3_MANAGED)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .versioned(true)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(365))
                        .noncurrentVersionExpiration(Duration.days(7))
                        .build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    List<BucketMetrics> metrics = new ArrayList<>();
    for (String site : settings.sites()) {
      metrics.add(
          BucketMetrics.builder()
              .id(metricsFilterId(site))
              .prefix("inbound/" + site + "/")
              .build());
    }
    bucket =
        Bucket.Builder.create(this, "Bucket")
            .encryption(BucketEncryption.KMS)
            .encryptionKey(key)
            .bucketKeyEnabled(true)
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .enforceSsl(true)
            .minimumTlsVersion(1.2)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .versioned(true)
            .objectLockEnabled(settings.archiveLockDays() > 0 ? true : null)
            .serverAccessLogsBucket(logs)
            .serverAccessLogsPrefix("ferry-bucket/")
            .lifecycleRules(lifecycle(settings.retention()))
            .metrics(metrics)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  private static List<LifecycleRule> lifecycle(Retention r) {
    List<LifecycleRule> rules = new ArrayList<>();
    rules.add(expire("inbound/", r.inboundDays()));
    LifecycleRule.Builder archive =
        LifecycleRule.builder()
            .id("archive")
            .prefix("archive/")
            .transitions(
                List.of(
                    Transition.builder()
                        .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                        .transitionAfter(Duration.days(r.archiveGlacierDays()))
                        .build()));
    if (r.archiveExpireDays() > 0) {
      archive.expiration(Duration.days(r.archiveExpireDays()));
    }
    rules.add(archive.build());
    rules.add(expire("outbound/", r.outboundDays()));
    rules.add(expire("errors/", r.errorsDays()));
    rules.add(expire("unmatched/", r.errorsDays()));
    rules.add(expire("results/", r.resultsDays()));
    rules.add(expire("originals/", r.originalsDays()));
    rules.add(
        LifecycleRule.builder()
            .id("noncurrent-and-incomplete")
            .noncurrentVersionExpiration(Duration.days(r.noncurrentDays()))
            .abortIncompleteMultipartUploadAfter(Duration.days(1))
            .expiredObjectDeleteMarker(true)
            .build());
    return rules;
  }

  private static LifecycleRule expire(String prefix, int days) {
    return LifecycleRule.builder()
        .id(prefix.substring(0, prefix.length() - 1))
        .prefix(prefix)
        .expiration(Duration.days(days))
        .build();
  }

  /** A child construct by id (cdk-nag acknowledgements). */
  public IConstruct child(String id) {
    return getNode().findChild(id);
  }

  public Key key() {
    return key;
  }

  public Bucket bucket() {
    return bucket;
  }
}
