package dev.hl7ferry.cdk.edge;

import dev.hl7ferry.cdk.settings.FerrySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * The statements of one site's edge role: only named actions, and only the site's own prefixes and
 * queues, besides the two queues every edge sends to.
 */
final class EdgePolicy {
  private EdgePolicy() {}

  static List<PolicyStatement> statements(
      String site, FerrySettings settings, EdgeAccess.Resources r) {
    List<PolicyStatement> out = new ArrayList<>();
    out.add(
        allow(
            "PutOwnPayloads",
            List.of("s3:PutObject"),
            r.bucket().arnForObjects("inbound/" + site + "/*"),
            r.bucket().arnForObjects("archive/" + site + "/*")));
    if (settings.archiveLockDays() > 0) {
      // Object Lock retention on the raw archive is set by the edge on each put.
      out.add(
          allow(
              "LockOwnArchive",
              List.of("s3:PutObjectRetention"),
              r.bucket().arnForObjects("archive/" + site + "/*")));
    }
    out.add(
        allow(
            "GetOwnOutputs",
            List.of("s3:GetObject"),
            r.bucket().arnForObjects("outbound/" + site + "/*")));
    out.add(
        allow(
            "SendEnvelopesAndReceipts",
            List.of("sqs:SendMessage"),
            r.inbound().getQueueArn(),
            r.receipts().getQueueArn()));
    out.add(
        allow(
            "ReadOwnOutboundQueue",
            List.of(
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes"),
            r.outbound().get(site).getQueueArn()));
    // GenerateDataKey to put SSE-KMS objects and send to encrypted queues, Decrypt to read them;
    // only when S3 or SQS ask on the edge's behalf.
    Stack stack = Stack.of(r.bucket());
    out.add(
        PolicyStatement.Builder.create()
            .sid("UseKeyThroughS3AndSqs")
            .effect(Effect.ALLOW)
            .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
            .resources(List.of(r.key().getKeyArn()))
            .conditions(
                Map.of(
                    "StringEquals",
                    Map.of(
                        "kms:ViaService",
                        List.of(
                            "s3." + stack.getRegion() + ".amazonaws.com",
                            "sqs." + stack.getRegion() + ".amazonaws.com"))))
            .build());
    return out;
  }

  private static PolicyStatement allow(String sid, List<String> actions, String... resources) {
    return PolicyStatement.Builder.create()
        .sid(sid)
        .effect(Effect.ALLOW)
        .actions(actions)
        .resources(List.of(resources))
        .build();
  }
}
