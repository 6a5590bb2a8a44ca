package dev.hl7ferry.cdk.vendor;

import dev.hl7ferry.cdk.settings.FerrySettings;
import dev.hl7ferry.cdk.settings.Vendor;
import dev.hl7ferry.cdk.settings.VendorDestination;
import dev.hl7ferry.cdk.settings.VendorDestination.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * What the converter's role needs for the vendors, beside its own statements: consume the results
 * queues, read claim-check results under {@code results/}, keep originals under {@code originals/},
 * and deliver to exactly the vendors' destinations (send to their queues, put events on their
 * buses, put objects under their prefix, read their webhook secrets, use their keys).
 */
public final class ConverterGrants {
  private ConverterGrants() {}

  /** No statements when there are no vendors. */
  public static List<PolicyStatement> statements(
      FerrySettings settings, VendorResults queues, IBucket bucket) {
    List<PolicyStatement> out = new ArrayList<>();
    if (settings.vendors().isEmpty()) {
      return out;
    }
    out.add(
        allow(
            "ConsumeResults",
            List.of(
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl"),
            queues.results().values().stream().map(IQueue::getQueueArn).toList()));
    out.add(
        allow(
            "ReadResultPayloads",
            List.of("s3:GetObject"),
            List.of(bucket.arnForObjects("results/*"))));
    out.add(
        allow(
            "KeepOriginals",
            List.of("s3:GetObject", "s3:PutObject"),
            List.of(bucket.arnForObjects("originals/*"))));
    Set<String> sendTo = new LinkedHashSet<>();
    Set<String> buses = new LinkedHashSet<>();
    Set<String> objects = new LinkedHashSet<>();
    Set<String> secrets = new LinkedHashSet<>();
    Set<String> queueKeys = new LinkedHashSet<>();
    Set<String> bucketKeys = new LinkedHashSet<>();
    Set<String> secretKeys = new LinkedHashSet<>();
    for (Vendor vendor : settings.vendors()) {
      for (VendorDestination d : vendor.destinations()) {
        switch (d.type()) {
          case SQS ->
              sendTo.add(
                  d.madeHere()
                      ? queues.destinationQueues().get(d.name()).getQueueArn()
                      : d.queueArn());
          case EVENTBRIDGE -> buses.add(d.busArn());
          case S3 ->
              objects.add(
                  "arn:"
                      + Stack.of(bucket).getPartition()
                      + ":s3:::"
                      + d.bucket()
                      + "/"
                      + d.prefix()
                      + "*");
          case HTTPS -> secrets.add(d.secretArn());
        }
        if (!d.kmsKeyArn().isEmpty()) {
          (d.type() == Type.SQS ? queueKeys : d.type() == Type.S3 ? bucketKeys : secretKeys)
              .add(d.kmsKeyArn());
        }
      }
    }
    addIfAny(out, "SendToVendorQueues", List.of("sqs:SendMessage"), sendTo);
    addIfAny(out, "PutVendorEvents", List.of("events:PutEvents"), buses);
    addIfAny(out, "PutVendorObjects", List.of("s3:PutObject"), objects);
    addIfAny(out, "ReadWebhookSecrets", List.of("secretsmanager:GetSecretValue"), secrets);
    // SendMessage to an SSE-KMS queue needs both; a put to an SSE-KMS bucket a data key; a secret
    // under a customer key is decrypted. The vendor's key policy must allow this role as well.
    addIfAny(out, "UseVendorQueueKeys", List.of("kms:GenerateDataKey", "kms:Decrypt"), queueKeys);
    addIfAny(out, "UseVendorBucketKeys", List.of("kms:GenerateDataKey"), bucketKeys);
    addIfAny(out, "UseVendorSecretKeys", List.of("kms:Decrypt"), secretKeys);
    return out;
  }

  private static void addIfAny(
      List<PolicyStatement> out, String sid, List<String> actions, Set<String> resources) {
    if (!resources.isEmpty()) {
      out.add(allow(sid, actions, List.copyOf(resources)));
    }
  }

  static PolicyStatement allow(String sid, List<String> actions, List<String> resources) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.ALLOW)
        .actions(actions)
        .resources(resources)
        .build();
  }
}
