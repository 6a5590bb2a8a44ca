package dev.hl7ferry.cdk.converter;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * The converter role's own statements: its log group, the inbound queue, the payload and template
 * prefixes, its output and error prefixes, the outbound queues and the stack's key.
 */
final class ConverterPolicy {
  private ConverterPolicy() {}

  static List<PolicyStatement> statements(
      LogGroup logs,
      IBucket bucket,
      IQueue inbound,
      Collection<? extends IQueue> outbound,
      Key key) {
    String[] outboundArns = outbound.stream().map(IQueue::getQueueArn).toArray(String[]::new);
    return List.of(
        allow(
            "WriteOwnLogs",
            List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            logs.getLogGroupArn() + ":*"),
        allow(
            "ConsumeInbound",
            List.of(
                "sqs:ReceiveMessage",
                "sqs:DeleteMessage",
                "sqs:ChangeMessageVisibility",
                "sqs:GetQueueAttributes",
                "sqs:GetQueueUrl"),
            inbound.getQueueArn()),
        allow(
            "ReadPayloadsAndTemplates",
            List.of("s3:GetObject"),
            bucket.arnForObjects("inbound/*"),
            bucket.arnForObjects("templates/*")),
        PolicyStatement.Builder.create()
            .sid("ListTemplates")
            .effect(Effect.ALLOW)
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(bucket.getBucketArn()))
            .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of("templates/*"))))
            .build(),
        allow(
            "WriteOutputsAndErrors",
            List.of("s3:PutObject"),
            bucket.arnForObjects("outbound/*"),
            bucket.arnForObjects("errors/*"),
            bucket.arnForObjects("unmatched/*")),
        allow("SendOutbound", List.of("sqs:GetQueueUrl", "sqs:SendMessage"), outboundArns),
        allow("UseKey", List.of("kms:Decrypt", "kms:GenerateDataKey"), key.getKeyArn()));
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
