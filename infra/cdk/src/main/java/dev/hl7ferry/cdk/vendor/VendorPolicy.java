package dev.hl7ferry.cdk.vendor;

import dev.hl7ferry.cdk.settings.Vendor;
import dev.hl7ferry.cdk.settings.VendorDestination;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The statements of one vendor's role: send to its own results queue, put claim-check results under
 * {@code results/{vendor}/}, read its own destination queues, and use the stack's key only through
 * S3 and SQS. Nothing of the edges, the converter or another vendor.
 */
final class VendorPolicy {
  private VendorPolicy() {}

  static List<PolicyStatement> statements(
      Vendor vendor, VendorResults queues, IKey key, IBucket bucket) {
    List<PolicyStatement> out = new ArrayList<>();
    out.add(
        ConverterGrants.allow(
            "SendOwnResults",
            List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
            List.of(queues.results().get(vendor.name()).getQueueArn())));
    out.add(
        ConverterGrants.allow(
            "PutOwnResultObjects",
            List.of("s3:PutObject"),
            List.of(bucket.arnForObjects("results/" + vendor.name() + "/*"))));
    List<String> destinations = new ArrayList<>();
    for (VendorDestination d : vendor.destinations()) {
      IQueue made = queues.destinationQueues().get(d.name());
      if (made != null) {
        destinations.add(made.getQueueArn());
      } else if (!d.queueArn().isEmpty()) {
        destinations.add(d.queueArn());
      }
    }
    if (!destinations.isEmpty()) {
      out.add(
          ConverterGrants.allow(
              "ReadOwnDestinationQueues",
              List.of(
                  "sqs:ReceiveMessage",
                  "sqs:DeleteMessage",
                  "sqs:ChangeMessageVisibility",
                  "sqs:GetQueueAttributes",
                  "sqs:GetQueueUrl"),
              destinations));
    }
    // GenerateDataKey to put SSE-KMS objects and send to encrypted queues, Decrypt to read the
    // queues made here; only when S3 or SQS ask on the vendor's behalf.
    String region = Stack.of(bucket).getRegion();
    out.add(
        PolicyStatement.Builder.create()
            .sid("UseKeyThroughS3AndSqs")
            .effect(Effect.ALLOW)
            .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
            .resources(List.of(key.getKeyArn()))
            .conditions(
                Map.of(
                    "StringEquals",
                    Map.of(
                        "kms:ViaService",
                        List.of(
                            "s3." + region + ".amazonaws.com",
                            "sqs." + region + ".amazonaws.com"))))
            .build());
    return out;
  }
}
